#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Checks random records' to_json against their JSON Schema, and that nothing is lost.

    validate_random_records.py PROGRAM [--large-integers-as-strings]

PROGRAM (random_records.cpp) prints the schema with --schema, else one line per
record: {"metrics": to_json, "sizes": entries per set and map, "hex": the
bytes of the record's strings}. Every line must be strict JSON without a
repeated key, its metrics valid against the schema (so no set repeats an
item), every set and map must keep all its entries, and every string must
read back to its bytes by the documented rule: U+EF80..U+EFFF stand for the
bytes 0x80..0xFF, any other character for its UTF-8. With
--large-integers-as-strings, the integer metrics beyond 2^53 - 1 are strings
of digits, the others numbers.
"""
import json
import subprocess
import sys

import jsonschema

SAFE = 2**53 - 1


def strict(text):
    def reject(constant):
        raise ValueError(f"not JSON: {constant}")

    def unique(pairs):
        keys = [key for key, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError(f"a repeated key among {keys}")
        return dict(pairs)

    return json.loads(text, parse_constant=reject, object_pairs_hook=unique)


def decode(text):
    return b"".join(bytes([ord(c) - 0xEF00]) if 0xEF80 <= ord(c) <= 0xEFFF else c.encode() for c in text)


def integers(metrics):
    """The values of the integer metrics: count, bytes, by_ratio's values, top's values."""
    yield from (metrics[name] for name in ("count", "bytes") if name in metrics)
    yield from metrics.get("by_ratio", {}).values()
    yield from (value for _, value in metrics.get("top", []))


def main():
    program, options = sys.argv[1], sys.argv[2:]
    run = lambda *args: subprocess.run([program, *args], capture_output=True, check=True).stdout.decode()
    schema = strict(run("--schema", *options))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    lines = run(*options).splitlines()
    quoted = 0
    assert len(lines) == 2000, len(lines)
    for number, line in enumerate(lines):
        where = f"line {number + 1}: {line}"
        document = strict(line)
        metrics = document["metrics"]
        for error in validator.iter_errors(metrics):
            raise AssertionError(f"{where}\n{error.message} at {list(error.absolute_path)}")
        for name, size in document["sizes"].items():
            assert len(metrics[name]) == size, f"{where}\n{name}: {len(metrics[name])} entries of {size}"
        strings = document["hex"]
        if "name" in strings:
            assert decode(metrics["name"]) == bytes.fromhex(strings["name"]), where
        assert [decode(tag) for tag in metrics.get("tags", [])] == [bytes.fromhex(h) for h in strings["tags"]], where
        assert [decode(key) for key in metrics.get("by_name", {})] == [bytes.fromhex(h) for h in strings["by_name"]], where
        if options:
            assert all(abs(n) <= SAFE for n in integers(document)), where
    print(f"{len(lines)} random records valid against the schema, every entry kept")


if __name__ == "__main__":
    main()
