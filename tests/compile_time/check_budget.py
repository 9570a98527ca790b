#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Fails when a generated file costs the compiler more instructions than its
committed budget (budgets.json), counted by callgrind as the benchmarks count
them (benchmarks/compile_time.py, benchmarks/per_file.py).

    python3 check_budget.py --compiler g++ --case n250|per_file --work DIR

Exits 77 (CTest's skip) for a compiler or case that has no budget: the
counts depend on the compiler's version and its standard library.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
import compile_time  # noqa: E402
import per_file  # noqa: E402

SKIP = 77


def compiler_key(compiler):
    """`gcc-12`, `clang-14`: the family and major version the budgets are for."""
    version = subprocess.run([compiler, "--version"], check=True, capture_output=True, text=True).stdout
    family = "clang" if "clang" in version else "gcc"
    major = re.search(r"(\d+)\.\d+\.\d+", version.splitlines()[0]).group(1)
    return f"{family}-{major}"


def source(case, work):
    """The file the budget is for: N = 250 metrics and call sites, the schema
    a struct; or the realistic 120-metric header with 5 call sites."""
    if case == "n250":
        path = work / "struct_250.cpp"
        path.write_text(compile_time.library_source(250, "struct"))
        return path
    return per_file.write_sources(work)["library"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compiler", required=True)
    parser.add_argument("--case", choices=("n250", "per_file"), required=True)
    parser.add_argument("--work", type=pathlib.Path, required=True)
    args = parser.parse_args()
    budgets = json.loads((pathlib.Path(__file__).parent / "budgets.json").read_text())
    key = compiler_key(args.compiler)
    budget = budgets.get(key, {}).get(args.case)
    if budget is None:
        print(f"no {args.case} budget for {key} in budgets.json: skipped")
        return SKIP
    args.work.mkdir(parents=True, exist_ok=True)
    millions = compile_time.compiler_instructions(args.compiler, source(args.case, args.work)) / 1e6
    print(f"{args.case} on {key}: {millions:.0f} M compiler instructions, budget {budget} M "
          f"({millions / budget:.1%} of it)")
    if millions > budget:
        print("over budget: find what grew (benchmarks/compile_time.py, benchmarks/per_file.py) or, for a change "
              "worth its cost, raise the budget in tests/compile_time/budgets.json with the reason")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
