#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Checks the Chrome Trace Event file that examples/compile_pipeline writes.

    validate_chrome_trace.py PROGRAM      runs `PROGRAM TRACE_FILE` in a temporary folder
    validate_chrome_trace.py --file TRACE checks a trace file already written

The file must be strict JSON (no NaN or Infinity), an object whose
"traceEvents" array holds events valid against the format's rules as a JSON
Schema states them (required fields, "ph" among the format's phases, "ts" and
"dur" numbers in microseconds, "dur" not negative), and on each thread
(pid, tid) every complete event must lie inside the one that encloses it:
either inside its parent or after it ends, never across its end. For the
demo: one unit of work per compilation, the outermost span of its thread,
carrying the record's metrics as "args".
"""
import decimal
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

# The phases of the Trace Event Format (its "ph" values).
PHASES = ["B", "E", "X", "i", "I", "C", "b", "n", "e", "s", "t", "f", "P", "N", "O", "D", "M", "V", "v", "R", "c"]

EVENT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["traceEvents"],
    "properties": {
        "traceEvents": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["ph", "name", "ts", "pid", "tid"],
                "properties": {
                    "ph": {"enum": PHASES},
                    "name": {"type": "string"},
                    "ts": {"type": "number"},
                    "dur": {"type": "number", "minimum": 0},
                    "pid": {"type": "integer"},
                    "tid": {"type": "integer"},
                    "args": {"type": "object"},
                },
                "if": {"properties": {"ph": {"const": "X"}}},
                "then": {"required": ["dur"]},
            },
        },
    },
}


def strict(text):
    """The JSON text, numbers with a fraction as Decimal: "ts" + "dur" is then exact."""
    def reject(constant):
        raise ValueError(f"not JSON: {constant}")
    return json.loads(text, parse_constant=reject, parse_float=decimal.Decimal)


def check_nesting(events):
    """Complete events of each thread nest: a child inside its parent, never across its end.
    Returns the outermost events."""
    outermost = []
    threads = {}
    for event in events:
        if event["ph"] == "X":
            threads.setdefault((event["pid"], event["tid"]), []).append(event)
    for thread, spans in threads.items():
        open_spans = []  # the enclosing spans, innermost last
        for span in sorted(spans, key=lambda e: (e["ts"], -e["dur"])):
            end = span["ts"] + span["dur"]
            while open_spans and open_spans[-1]["ts"] + open_spans[-1]["dur"] <= span["ts"]:
                open_spans.pop()
            if open_spans:
                parent = open_spans[-1]
                assert end <= parent["ts"] + parent["dur"], f"on thread {thread}, {span} crosses the end of {parent}"
            else:
                outermost.append(span)
            open_spans.append(span)
    return outermost


def check(trace):
    jsonschema.Draft202012Validator.check_schema(EVENT_SCHEMA)
    jsonschema.Draft202012Validator(EVENT_SCHEMA).validate(trace)
    events = trace["traceEvents"]
    outermost = check_nesting(events)
    return events, outermost


def check_demo(trace):
    events, outermost = check(trace)
    units = [e for e in events if e["name"] == "compile"]
    assert len(units) == 3, units
    assert outermost == units, [e["name"] for e in outermost]
    assert [u["args"]["metrics"]["unit"] for u in units] == ["resnet_block", "logging_loop", "spectral_net"], units
    assert "exception" not in units[0]["args"] and units[2]["args"]["exception_type"] == "std::runtime_error", units
    durations = {"parse_time", "optimize_time", "codegen_time", "pass_time"}
    assert {e["name"] for e in events if e not in units} == durations, events
    assert all(e["args"]["depth"] >= 1 for e in events if e not in units), events
    # The negative tests: the checker refuses what it must.
    for broken in ({**units[0], "dur": -1}, {**units[0], "ph": "Z"}, {k: v for k, v in units[0].items() if k != "ts"}):
        try:
            check({"traceEvents": [broken]})
        except (jsonschema.ValidationError, AssertionError):
            continue
        raise AssertionError(f"accepted {broken}")
    crossing = [{**units[0], "ts": 0, "dur": 10}, {**units[0], "ts": 5, "dur": 10}]
    try:
        check({"traceEvents": crossing})
    except AssertionError:
        pass
    else:
        raise AssertionError("accepted a span across its parent's end")
    return events


def main():
    if sys.argv[1] == "--file":
        events, _ = check(strict(pathlib.Path(sys.argv[2]).read_text()))
        print(f"{len(events)} events valid")
        return
    with tempfile.TemporaryDirectory() as work:
        path = pathlib.Path(work) / "trace.json"
        subprocess.run([str(pathlib.Path(sys.argv[1]).resolve()), str(path)], check=True, capture_output=True, cwd=work)
        events = check_demo(strict(path.read_text()))
    print(f"{len(events)} events valid, nested on each thread")


if __name__ == "__main__":
    main()
