#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Instructions per operation, counted by callgrind: stable where timings on a
shared machine are not.

    cmake --preset bench && cmake --build --preset bench --target operations
    python3 benchmarks/instructions.py [build/bench/benchmarks/operations]

For every kernel of benchmarks/operations.cpp and each implementation, runs
one warm-up batch, then counts the instructions of one batch
(valgrind --tool=callgrind --collect-atstart=no), and prints a Markdown table
of instructions per operation net of what surrounds the operation:

- the kernels that repeat one operation (inside one open scope), and the
  outermost enter_exit, clock_read and record30 (per record), are net of the
  empty_loop kernel: the loop and the barrier alone; so are timer (a start
  and stop, tracing off), monotonic_clock_read (the timers' clock) and span
  (a start and stop of a traced timer, in a unit of work per batch);
- the first-write kernels (set_first, update4_first, set_string_first_long)
  are net of their `_base` kernel: the same records, entered and left, with
  the same arguments computed and nothing written.

Ratios are against the struct with the library's semantics ("struct"). Writes
the table's figures to instructions.csv beside the binary (benchmarks/plot.sh
draws them).

With --times, runs Google Benchmark once instead (repetitions interleaved at
random) and prints the same table in nanoseconds: medians of the CPU time of
a batch, net of the same kernels.
"""
import argparse
import concurrent.futures
import csv
import io
import pathlib
import re
import subprocess
import sys
import tempfile

IMPLEMENTATIONS = ["library", "struct", "plain", "map"]
BATCH = 1000  # operations or records per batch (operations.cpp's `batch`)

# (row, operations per batch, the kernel it is net of)
ROWS = [
    ("increment", BATCH, "empty_loop"),
    ("set", BATCH, "empty_loop"),
    ("set_first", BATCH, "set_first_base"),
    ("update4", BATCH, "empty_loop"),
    ("update4_first", BATCH // 4, "update4_first_base"),
    ("set_string", BATCH, "empty_loop"),
    ("set_string_long", BATCH, "empty_loop"),
    ("set_string_first_long", BATCH, "set_string_first_long_base"),
    ("add_to_set", BATCH, "empty_loop"),
    ("add_to_set_long", BATCH, "empty_loop"),
    ("set_key_value", BATCH, "empty_loop"),
    ("set_key_value_long", BATCH, "empty_loop"),
    ("add_top_n", BATCH, "empty_loop"),
    ("add_top_n_long", BATCH, "empty_loop"),
    ("nested_enter_exit", BATCH, "empty_loop"),
    ("enter_exit", BATCH, "empty_loop"),
    ("clock_read", BATCH, "empty_loop"),
    ("monotonic_clock_read", BATCH, "empty_loop"),
    ("timer", BATCH, "empty_loop"),
    ("span", BATCH, "empty_loop"),
    ("record30", BATCH, "empty_loop"),
]


def instructions(binary, case):
    """Instructions of one batch of `case` (kernel/implementation)."""
    with tempfile.TemporaryDirectory() as work:
        out = pathlib.Path(work) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no", f"--callgrind-out-file={out}",
                        str(binary), "--instructions", case], check=True, capture_output=True)
        totals = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
        return int(totals.group(1))


def print_table(title, unit, value):
    """`value(row, impl)`: the figure of a row for one implementation."""
    print(title + "\n")
    print(f"| operation | library{unit} | struct{unit} | plain{unit} | map port{unit} | library - struct "
          "| library / struct | plain / struct | map / struct |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    table = []
    for row, _, _ in ROWS:
        lib, hand, plain, port = (value(row, impl) for impl in IMPLEMENTATIONS)
        table.append((row, lib, hand, plain, port))
        print(f"| {row} | {lib:.1f} | {hand:.1f} | {plain:.1f} | {port:.1f} | {lib - hand:+.1f} | {lib / hand:.2f} "
              f"| {plain / hand:.2f} | {port / hand:.1f} |", flush=True)
    return table


def net_of(gross):
    """Per operation, net of each row's base kernel, from `gross[kernel, impl]` per batch."""
    operations = {row: (ops, base) for row, ops, base in ROWS}

    def net(row, impl):
        ops, base = operations[row]
        return (gross[row, impl] - gross[base, impl]) / ops
    return net


def kernels():
    return sorted({kernel for row, _, base in ROWS for kernel in (row, base)})


def count(binary):
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        jobs = {(k, i): pool.submit(instructions, binary, f"{k}/{i}") for k in kernels() for i in IMPLEMENTATIONS}
        gross = {key: job.result() for key, job in jobs.items()}
    loop = ", ".join(f"{impl} {gross['empty_loop', impl] / BATCH:.1f}" for impl in IMPLEMENTATIONS)
    table = print_table("Instructions per operation (callgrind); per record for enter_exit and record30, per update "
                        "of 4 keys for update4 and update4_first. The loop and barrier alone (subtracted): "
                        f"{loop} per iteration.", "", net_of(gross))
    with open(binary.parent / "instructions.csv", "w") as out:
        out.write("operation," + ",".join(IMPLEMENTATIONS) + "\n")
        for row, *counts in table:
            out.write(row + "," + ",".join(f"{c:.1f}" for c in counts) + "\n")


def time(binary):
    cases = "|".join(kernels())
    run = subprocess.run([str(binary), f"--benchmark_filter=^({cases})/", "--benchmark_min_time=0.05",
                          "--benchmark_repetitions=7", "--benchmark_enable_random_interleaving=true",
                          "--benchmark_report_aggregates_only=true", "--benchmark_format=csv"],
                         check=True, capture_output=True, text=True)
    gross = {}
    for line in csv.DictReader(io.StringIO(run.stdout)):
        case, _, statistic = line["name"].rpartition("_")
        if statistic == "median":
            kernel, impl = case.split("/")
            gross[kernel, impl] = float(line["cpu_time"])  # per batch, in ns (the default unit)
    loop = ", ".join(f"{impl} {gross['empty_loop', impl] / BATCH:.2f}" for impl in IMPLEMENTATIONS)
    print_table("Nanoseconds per operation (Google Benchmark, medians of 7 interleaved repetitions of CPU time), "
                f"net as the instructions are. The loop and barrier alone (subtracted): {loop} ns per iteration.",
                " (ns)", net_of(gross))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary", nargs="?", default="build/bench/benchmarks/operations", type=pathlib.Path)
    parser.add_argument("--times", action="store_true", help="time with Google Benchmark instead of counting")
    arguments = parser.parse_args()
    (time if arguments.times else count)(arguments.binary)


if __name__ == "__main__":
    main()
