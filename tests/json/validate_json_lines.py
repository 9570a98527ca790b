#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Checks examples/json_lines against its own JSON Schema.

    validate_json_lines.py PROGRAM

Runs `PROGRAM --schema` and `PROGRAM`; the schema must be a valid draft
2020-12 JSON Schema, every output line a strict JSON object with the sink's
fields, and every line's "metrics" valid against the schema. Then the same
with --large-integers-as-strings.
"""
import json
import re
import subprocess
import sys

import jsonschema


def strict(text):
    def reject(constant):
        raise ValueError(f"not JSON: {constant}")
    return json.loads(text, parse_constant=reject)


def main():
    program = sys.argv[1]
    schema = strict(subprocess.run([program, "--schema"], capture_output=True, text=True, check=True).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    lines = subprocess.run([program], capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(lines) == 3, lines
    for line in lines:
        record = strict(line)
        assert list(record) == ["start_ns", "end_ns", "duration_ns", "unwinding", "exception", "exception_type",
                                "schema", "metrics"], line
        # The line names the schema its metrics follow, as the schema's $id does.
        assert schema["$id"] == "urn:typed-metrics:schema:" + record["schema"], (schema["$id"], line)
        assert re.fullmatch(r"[0-9a-f]{16}", record["schema"]), line
        assert record["duration_ns"] == record["end_ns"] - record["start_ns"] >= 0, line
        validator.validate(record["metrics"])
    assert strict(lines[-1])["exception"] == "codegen: no kernel for 'fft'", lines[-1]
    assert strict(lines[-1])["exception_type"] == "std::runtime_error", lines[-1]
    assert all(strict(line)["exception"] is None and strict(line)["exception_type"] is None for line in lines[:-1])

    # The schema rejects what the schema does not allow.
    for wrong in ({"tokens": "3"}, {"unknown": 1}, {"guards": ["a", "a"]}, {"code_bytes": -1},
                  {"slowest_passes": [["inline", 1, 2]]}):
        assert not validator.is_valid(wrong), wrong

    # For JavaScript: the timestamps, beyond 2^53 - 1, become strings of
    # digits; the durations stay numbers; the schema says so.
    flag = "--large-integers-as-strings"
    schema = strict(subprocess.run([program, "--schema", flag], capture_output=True, text=True, check=True).stdout)
    validator = jsonschema.Draft202012Validator(schema)
    for line in subprocess.run([program, flag], capture_output=True, text=True, check=True).stdout.splitlines():
        record = strict(line)
        assert isinstance(record["start_ns"], str) and isinstance(record["end_ns"], str), line
        assert record["duration_ns"] == int(record["end_ns"]) - int(record["start_ns"]) >= 0, line
        validator.validate(record["metrics"])
    assert validator.is_valid({"code_bytes": "18446744073709551615"}) and validator.is_valid({"code_bytes": 1})
    print(f"{len(lines)} lines valid against the schema of {len(schema['properties'])} metrics, with and without {flag}")


if __name__ == "__main__":
    main()
