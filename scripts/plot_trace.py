#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Draws a Chrome Trace Event file's complete events as a timeline, a panel per
unit of work and a row per level of nesting, as Perfetto shows them.

    python3 scripts/plot_trace.py [TRACE] [OUTPUT]

TRACE defaults to a fresh run of the demo (build/gcc/examples/compile_pipeline
writing build/gcc/compile_pipeline.trace.json), OUTPUT to
docs/compile-pipeline-trace.svg. Needs matplotlib (Debian: python3-matplotlib).
"""
import json
import pathlib
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
COLOURS = {"compile": "#9e9e9e", "parse_time": "#4e79a7", "optimize_time": "#f28e2b", "pass_time": "#edc948",
           "codegen_time": "#59a14f"}


def units_of(events):
    """Each unit of work (an event with "metrics" in its args) with the spans inside it, on its thread."""
    complete = [e for e in events if e["ph"] == "X"]
    units = [e for e in complete if "metrics" in e.get("args", {})]
    for unit in units:
        end = unit["ts"] + unit["dur"]
        spans = [e for e in complete if e is not unit and e["tid"] == unit["tid"] and unit["ts"] <= e["ts"] <= end]
        yield unit, spans


def lanes(unit, spans):
    """(lane, span) for the unit (lane 0) and each span: one below the innermost span that encloses it,
    as Perfetto stacks them (a span's "depth" is its scope's, which timers in one scope share)."""
    rows, open_spans = [(0, unit)], [unit]
    for span in sorted(spans, key=lambda e: (e["ts"], -e["dur"])):
        while len(open_spans) > 1 and open_spans[-1]["ts"] + open_spans[-1]["dur"] <= span["ts"]:
            open_spans.pop()
        rows.append((len(open_spans), span))
        open_spans.append(span)
    return rows


def draw(trace, output):
    units = list(units_of(json.loads(trace.read_text())["traceEvents"]))
    figure, axes = plt.subplots(len(units), 1, figsize=(10, 1.3 + 1.1 * len(units)), squeeze=False)
    for axis, (unit, spans) in zip(axes[:, 0], units):
        start = unit["ts"]
        name = unit["args"]["metrics"].get("unit", unit["name"])
        failed = " (failed: " + unit["args"]["exception_type"] + ")" if "exception_type" in unit["args"] else ""
        rows = lanes(unit, spans)
        for depth, span in rows:
            axis.broken_barh([(span["ts"] - start, span["dur"])], (depth - 0.4, 0.8),
                             facecolors=COLOURS.get(span["name"], "#bab0ac"), edgecolor="white", linewidth=0.5)
        labelled = {span["name"]: COLOURS.get(span["name"], "#bab0ac") for _, span in rows}
        axis.set_title(f"{name}{failed}: {unit['dur']:.0f} us", fontsize=10, loc="left")
        axis.set_yticks(sorted({depth for depth, _ in rows}))
        axis.set_yticklabels(["unit" if d == 0 else f"level {d}" for d in sorted({depth for depth, _ in rows})])
        axis.invert_yaxis()
        axis.set_xlim(0, unit["dur"])
        axis.grid(axis="x", alpha=0.3)
        axis.set_xlabel("microseconds from the unit's start", fontsize=8)
        for label, colour in labelled.items():
            axis.bar(0, 0, color=colour, label=label)
        axis.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, frameon=False)
    figure.suptitle("examples/compile_pipeline: each compilation's spans (Chrome trace, chrome_trace.hpp)")
    figure.tight_layout()
    figure.savefig(output, metadata={"Date": None} if output.suffix == ".svg" else None)
    print(f"wrote {output}")


def main():
    if len(sys.argv) > 1:
        trace = pathlib.Path(sys.argv[1])
    else:
        trace = ROOT / "build" / "gcc" / "compile_pipeline.trace.json"
        subprocess.run([ROOT / "build" / "gcc" / "examples" / "compile_pipeline", trace], check=True,
                       stdout=subprocess.DEVNULL)
    output = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "compile-pipeline-trace.svg"
    draw(trace, output)


if __name__ == "__main__":
    main()
