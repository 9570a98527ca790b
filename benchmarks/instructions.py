#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Instructions per operation, counted by callgrind: stable where timings on a
shared machine are not.

    cmake --preset bench && cmake --build --preset bench
    python3 benchmarks/instructions.py [build/bench/benchmarks/operations]

For every kernel of benchmarks/operations.cpp and each implementation, runs
one warm-up batch, then counts the instructions of one batch of 1000
operations (valgrind --tool=callgrind --collect-atstart=no) and prints a
Markdown table net of the loop, as issue 4's reference figures are: the
empty_loop kernel (the loop alone, 2 to 3 instructions per iteration) is
counted first and subtracted from every other kernel of the same
implementation. Ratios are against the hand-written struct and of the map
port against the library. Writes the gross counts, empty_loop included, to
instructions.csv beside the binary.
"""
import pathlib
import re
import subprocess
import sys
import tempfile

KERNELS = ["increment", "set", "update4", "add_to_set", "set_key_value", "add_top_n", "nested_enter_exit",
           "record30"]
IMPLEMENTATIONS = ["library", "struct", "map"]
BATCH = 1000


def instructions(binary, case):
    with tempfile.TemporaryDirectory() as work:
        out = pathlib.Path(work) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no", f"--callgrind-out-file={out}",
                        str(binary), "--instructions", case], check=True, capture_output=True)
        totals = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
        return int(totals.group(1)) / BATCH


def main():
    binary = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build/bench/benchmarks/operations")
    loop = {impl: instructions(binary, f"empty_loop/{impl}") for impl in IMPLEMENTATIONS}
    rows = [("empty_loop", loop)]
    print(f"instructions per operation (callgrind, batches of {BATCH}; record30 is per whole record), "
          f"net of the loop: {', '.join(f'{impl} {loop[impl]:.1f}' for impl in IMPLEMENTATIONS)}\n")
    print("| operation | library | struct | map port | library / struct | map / library |")
    print("|---|---:|---:|---:|---:|---:|")
    for kernel in KERNELS:
        counts = {impl: instructions(binary, f"{kernel}/{impl}") for impl in IMPLEMENTATIONS}
        rows.append((kernel, counts))
        lib, hand, port = (counts[impl] - loop[impl] for impl in IMPLEMENTATIONS)
        print(f"| {kernel} | {lib:.1f} | {hand:.1f} | {port:.1f} | {lib / hand:.2f} | {port / lib:.1f} |", flush=True)
    with open(binary.parent / "instructions.csv", "w") as csv:
        csv.write("operation," + ",".join(IMPLEMENTATIONS) + "\n")
        for kernel, counts in rows:
            csv.write(kernel + "," + ",".join(f"{counts[i]:.1f}" for i in IMPLEMENTATIONS) + "\n")


if __name__ == "__main__":
    main()
