#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Compile-time benchmark: one file with N metrics and N call sites, built
with this library and as a hand-written struct, for several N.

    python3 benchmarks/compile_time.py [--compiler g++] [--sizes 100 250 500 1000] [--runs 5] [--instructions]

Prints a Markdown table: median CPU time and peak memory of the compiler
(`g++ -std=c++20 -O2 -c`; the variants compile in turn, run after run), the
median of the runs' ratios library / struct, and the machine code
of the recording function per call site. A third file, "struct + sites", is
the struct doing what the library does besides (first-write locations,
overwrite detection, a depth guard), to tell the cost of those semantics
from the cost of the library. Writes the
generated sources and a CSV beside them in --work (default build/compile_time).

Times on a shared machine move by 10% or more between runs. --instructions
adds the stable figure: the instructions the compiler proper (cc1plus)
executes for each file, counted once by callgrind (slow: about 80 times a
compilation, ~25 minutes for the default sizes).
"""
import argparse
import os
import pathlib
import re
import shlex
import statistics
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent


def metric(i):
    # Half counters, half double values, as a real schema mixes kinds.
    return ("counter", f"m{i}") if i % 2 == 0 else ("value", f"m{i}")


def library_source(n):
    tags = ",\n    ".join(
        f'tmx::counter<"{name}">' if kind == "counter" else f'tmx::value<"{name}", double>'
        for kind, name in map(metric, range(n)))
    calls = "\n".join(
        f'    metrics.increment<"{name}">(1);' if kind == "counter" else f'    metrics.set<"{name}">(1.5);'
        for kind, name in map(metric, range(n)))
    return f"""#include <typed_metrics/typed_metrics.hpp>
#include <cstdint>
namespace tmx = typed_metrics;
// A named schema type, as docs/tutorial.md recommends: symbol names then
// say `schema` instead of spelling out every metric.
struct schema : tmx::schema<
    {tags}> {{}};
tmx::metrics_context<schema> metrics{{nullptr}};
void record_everything() {{
    auto const scope = metrics.enter();
{calls}
}}
"""


def struct_source(n, with_sites=False):
    """The hand-written struct. `with_sites` adds what the library does
    besides: the location of each value's first write, overwrite detection
    (already there) and a depth restored by a guard."""
    fields = "\n".join(
        f"    std::int64_t {name} = 0;" if kind == "counter" else f"    double {name} = 0;"
        for kind, name in map(metric, range(n)))
    site = lambda i: f" first_set[{i}] = {{__FILE__, __LINE__}};" if with_sites else ""
    calls = "\n".join(
        (f"    require_scope(); metrics.{name} += 1; metrics.present.set({i});" if kind == "counter" else
         f"    require_scope(); if (metrics.present.test({i})) already_set(\"{name}\"); "
         f"metrics.{name} = 1.5; metrics.present.set({i});{site(i)}")
        for i, (kind, name) in enumerate(map(metric, range(n))))
    sites = f"struct site {{ char const* file; unsigned line; }};\nsite first_set[{n}];\n" if with_sites else ""
    scope = ("struct scope_guard {\n    scope_guard() { ++depth; }\n    ~scope_guard() { --depth; }\n};\n"
             if with_sites else "")
    body = "    scope_guard const scope;\n" + calls if with_sites else "    ++depth;\n" + calls + "\n    --depth;"
    return f"""#include <bitset>
#include <cstdint>
#include <stdexcept>
#include <string>
struct record {{
{fields}
    std::bitset<{n}> present;
}};
record metrics;
{sites}int depth = 0;
[[noreturn, gnu::cold]] void outside() {{ throw std::runtime_error("outside of a MetricsContext"); }}
[[noreturn, gnu::cold]] void already_set(char const* name) {{ throw std::runtime_error(std::string(name) + " has already been set"); }}
inline void require_scope() {{ if (depth == 0) outside(); }}
{scope}void record_everything() {{
{body}
}}
"""


def compile_command(compiler, source, include, output=os.devnull):
    """The one compilation every figure measures: `compiler -std=c++20 -O2 -c`."""
    return [compiler, "-std=c++20", "-O2", "-c", f"-I{include}", str(source), "-o", str(output)]


def bytes_per_call(compiler, source, include, n, work):
    """Machine code of record_everything (hot and cold parts) per call site."""
    obj = work / (source.stem + ".o")
    subprocess.run(compile_command(compiler, source, include, obj), check=True)
    symbols = subprocess.run(["nm", "-S", "-C", str(obj)], check=True, capture_output=True, text=True).stdout
    total = sum(int(line.split()[1], 16) for line in symbols.splitlines()
                if line.endswith("record_everything()") or line.endswith("record_everything() [clone .cold]"))
    return total / n


def compile_once(compiler, source, include):
    """CPU time (user + system) and peak memory of one compilation: on a
    shared machine, time spent waiting for a core is not the compiler's."""
    script = ("import resource,subprocess,sys;subprocess.run(sys.argv[1:],check=True);"
              "u=resource.getrusage(resource.RUSAGE_CHILDREN);print(u.ru_utime+u.ru_stime,u.ru_maxrss)")
    out = subprocess.run(["python3", "-c", script, *compile_command(compiler, source, include)],
                         check=True, capture_output=True, text=True).stdout
    seconds, kilobytes = out.split()
    return float(seconds), int(kilobytes) / 1024


def compiler_instructions(compiler, source, include, work):
    """Instructions executed by the compiler proper for one compilation: the
    driver prints its cc1plus command (-###), which runs under callgrind."""
    command = compile_command(compiler, source, include)
    plan = subprocess.run([command[0], "-###", *command[1:]], check=True, capture_output=True, text=True).stderr
    cc1 = next(line for line in plan.splitlines() if "cc1plus" in line)
    out = work / "compiler.callgrind"
    log = subprocess.run(["valgrind", "--tool=callgrind", "--cache-sim=no", f"--callgrind-out-file={out}",
                          *shlex.split(cc1)], check=True, capture_output=True, text=True).stderr
    out.unlink()
    return int(re.search(r"Collected : (\d+)", log).group(1))


def print_instructions(args, include):
    print("\ninstructions executed by the compiler proper (callgrind, millions), and library / struct\n")
    print("| N | struct | library | library / struct | struct + sites |")
    print("|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        counts = {name: compiler_instructions(args.compiler, args.work / f"{name}_{n}.cpp", include, args.work) / 1e6
                  for name in ("struct", "library", "sites")}
        print(f"| {n} | {counts['struct']:.0f} | {counts['library']:.0f} | "
              f"{counts['library'] / counts['struct']:.2f} | {counts['sites']:.0f} |", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compiler", default="g++")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 250, 500, 1000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=pathlib.Path, default=ROOT / "build" / "compile_time")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the compiler's instructions with callgrind (slow, stable)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    include = ROOT / "include"

    print(f"compiler: {subprocess.run([args.compiler, '--version'], capture_output=True, text=True).stdout.splitlines()[0]}")
    print(f"median CPU time (user + system) of {args.runs} interleaved runs of `{args.compiler} -std=c++20 -O2 -c`, "
          "median of the runs' library / struct ratios, peak resident memory of the compiler\n")
    print("| N | struct (s) | library (s) | library / struct | struct + sites (s) | struct (MB) | library (MB) "
          "| struct (B/call) | library (B/call) | struct + sites (B/call) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    variants = (("struct", struct_source), ("library", library_source),
                ("sites", lambda n: struct_source(n, with_sites=True)))
    rows = []
    for n in args.sizes:
        sources = {}
        for name, make in variants:
            sources[name] = args.work / f"{name}_{n}.cpp"
            sources[name].write_text(make(n))
        # The variants take turns, run after run, so that a slower spell of
        # the machine weighs on all of them alike; the ratio is the median of
        # each run's ratio.
        times = {name: [] for name in sources}
        peaks = {name: 0.0 for name in sources}
        for _ in range(args.runs):
            for name, source in sources.items():
                seconds, megabytes = compile_once(args.compiler, source, include)
                times[name].append(seconds)
                peaks[name] = max(peaks[name], megabytes)
        st, lt, xt = (statistics.median(times[name]) for name in ("struct", "library", "sites"))
        ratio = statistics.median(lib / hand for lib, hand in zip(times["library"], times["struct"]))
        sm, lm = peaks["struct"], peaks["library"]
        sb, lb, xb = (bytes_per_call(args.compiler, sources[name], include, n, args.work)
                      for name in ("struct", "library", "sites"))
        rows.append((n, st, lt, xt, sm, lm, sb, lb, xb, ratio))
        print(f"| {n} | {st:.2f} | {lt:.2f} | {ratio:.2f} | {xt:.2f} | {sm:.0f} | {lm:.0f} | {sb:.1f} | {lb:.1f} "
              f"| {xb:.1f} |", flush=True)
    with open(args.work / "compile_time.csv", "w") as csv:
        csv.write("n,struct_s,library_s,sites_s,struct_mb,library_mb,struct_bytes,library_bytes,sites_bytes,ratio\n")
        for row in rows:
            csv.write(",".join(str(x) for x in row) + "\n")
    if args.instructions:
        print_instructions(args, include)

if __name__ == "__main__":
    main()
