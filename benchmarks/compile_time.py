#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Compile-time benchmark: one file with N metrics and N call sites (half
`increment`s, half `set`s), written four ways, for several N and compilers.

    python3 benchmarks/compile_time.py [--compilers g++ clang++] [--sizes 100 250 500 1000] [--runs 5]
                                       [--instructions]

The four files:
  plain     a hand-written struct: int64/double fields, std::bitset<N>
            presence bits, a depth test; a set tests its bit and throws if set.
  semantics the same struct doing what the library does besides: the file
            and line of each value's first write, a depth guard.
  struct    the library, the schema declared as `struct schema : tmx::schema<...> {};`
            (the form the README shows).
  alias     the library, the schema declared as `using schema = tmx::schema<...>;`.

Prints, per compiler, a Markdown table: median CPU time and peak memory of
the compiler (`-std=c++20 -O2 -c`; the files compile in turn, run after
run), the median of the runs' ratios library / semantics, and the machine
code of the recording function per call site. --instructions adds the stable
figure: the instructions the compiler proper (cc1plus, clang -cc1) executes
for each file, counted once by callgrind (slow: about 50 times a
compilation). Writes the sources and a CSV per compiler in --work (default
build/compile_time).
"""
import argparse
import os
import pathlib
import re
import shlex
import statistics
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
INCLUDE = ROOT / "include"
VARIANTS = ("plain", "semantics", "struct", "alias")


def metric(i, kinds="mixed"):
    # Half counters, half double values, as a real schema mixes kinds; or
    # one kind alone, for the code of each operation.
    counter = kinds == "counter" or (kinds == "mixed" and i % 2 == 0)
    return ("counter" if counter else "value", f"m{i}")


def library_source(n, form="struct", sites=True, kinds="mixed"):
    """The library's file; `form` is how the schema is declared, `sites`
    whether the file records (a context and N call sites) or only declares."""
    tags = ",\n    ".join(
        f'tmx::counter<"{name}">' if kind == "counter" else f'tmx::value<"{name}", double>'
        for kind, name in (metric(i, kinds) for i in range(n)))
    declaration = (f"struct schema : tmx::schema<\n    {tags}> {{}};" if form == "struct" else
                   f"using schema = tmx::schema<\n    {tags}>;")
    calls = "\n".join(
        f'    metrics.increment<"{name}">(1);' if kind == "counter" else f'    metrics.set<"{name}">(1.5);'
        for kind, name in (metric(i, kinds) for i in range(n)))
    recording = f"""tmx::metrics_context<schema> metrics{{nullptr}};
void record_everything() {{
    auto const scope = metrics.enter();
{calls}
}}
""" if sites else ""
    # The alias above tmx::max_alias_schema_size is refused unless allowed.
    allow = "#define TYPED_METRICS_ACCEPT_ANY_ALIAS_SCHEMA\n" if form == "alias" else ""
    return f"""{allow}#include <typed_metrics/typed_metrics.hpp>
#include <cstdint>
namespace tmx = typed_metrics;
{declaration}
{recording}"""


def struct_source(n, with_sites=False, kinds="mixed"):
    """The hand-written struct. `with_sites` adds what the library does
    besides: the location of each value's first write, overwrite detection
    (already there) and a depth restored by a guard."""
    fields = "\n".join(
        f"    std::int64_t {name} = 0;" if kind == "counter" else f"    double {name} = 0;"
        for kind, name in (metric(i, kinds) for i in range(n)))
    site = lambda i: f" first_set[{i}] = {{__FILE__, __LINE__}};" if with_sites else ""
    calls = "\n".join(
        (f"    require_scope(); metrics.{name} += 1; metrics.present.set({i});" if kind == "counter" else
         f"    require_scope(); if (metrics.present.test({i})) already_set(\"{name}\"); "
         f"metrics.{name} = 1.5; metrics.present.set({i});{site(i)}")
        for i, (kind, name) in enumerate((metric(i, kinds) for i in range(n))))
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


SOURCES = {
    "plain": struct_source,
    "semantics": lambda n, kinds="mixed": struct_source(n, with_sites=True, kinds=kinds),
    "struct": lambda n, kinds="mixed": library_source(n, "struct", kinds=kinds),
    "alias": lambda n, kinds="mixed": library_source(n, "alias", kinds=kinds),
}


def compile_command(compiler, source, output=os.devnull, include=INCLUDE):
    """The one compilation every figure measures: `compiler -std=c++20 -O2 -c`."""
    return [compiler, "-std=c++20", "-O2", "-c", f"-I{include}", str(source), "-o", str(output)]


def bytes_per_call(compiler, source, n, work, part=r"( \[clone \.cold\])?"):
    """Machine code of record_everything per call site: hot and cold parts,
    or the part `part` matches (r"": the hot part alone)."""
    obj = work / (source.stem + ".o")
    subprocess.run(compile_command(compiler, source, obj), check=True)
    symbols = subprocess.run(["nm", "-S", "-C", str(obj)], check=True, capture_output=True, text=True).stdout
    total = sum(int(line.split()[1], 16) for line in symbols.splitlines()
                if re.search(r"record_everything\(\)" + part + "$", line))
    obj.unlink()
    return total / n


def print_code_per_operation(args, compiler, work):
    """Machine code per call site of files whose N call sites are all
    increments or all sets."""
    print(f"\nmachine code per call site ({compiler} -O2, bytes: all, and in brackets the hot part alone, "
          "without the cold error paths), by operation\n")
    print("| N | operation | plain | semantics | struct |")
    print("|---:|---|---:|---:|---:|")
    for n in args.sizes:
        for kinds, operation in (("counter", "increment"), ("value", "set")):
            code = {}
            for name in ("plain", "semantics", "struct"):
                source = work / f"{name}_{kinds}_{n}.cpp"
                source.write_text(SOURCES[name](n, kinds=kinds))
                code[name] = f"{bytes_per_call(compiler, source, n, work):.1f} " \
                             f"({bytes_per_call(compiler, source, n, work, part=''):.1f})"
            print(f"| {n} | {operation} | {code['plain']} | {code['semantics']} | {code['struct']} |", flush=True)


def compile_once(compiler, source):
    """CPU time (user + system) and peak memory of one compilation: on a
    shared machine, time spent waiting for a core is not the compiler's."""
    script = ("import resource,subprocess,sys;subprocess.run(sys.argv[1:],check=True);"
              "u=resource.getrusage(resource.RUSAGE_CHILDREN);print(u.ru_utime+u.ru_stime,u.ru_maxrss)")
    out = subprocess.run(["python3", "-c", script, *compile_command(compiler, source)],
                         check=True, capture_output=True, text=True).stdout
    seconds, kilobytes = out.split()
    return float(seconds), int(kilobytes) / 1024


def compiler_instructions(compiler, source, include=INCLUDE, flags=()):
    """Instructions executed by the compiler proper for one compilation: the
    driver prints the command of cc1plus (g++) or of `clang -cc1` (-###),
    which runs under callgrind."""
    command = compile_command(compiler, source, include=include)
    command[1:1] = flags
    plan = subprocess.run([command[0], "-###", *command[1:]], check=True, capture_output=True, text=True).stderr
    proper = next(line for line in plan.splitlines() if "cc1plus" in line or '"-cc1"' in line)
    with tempfile.TemporaryDirectory() as scratch:
        log = subprocess.run(["valgrind", "--tool=callgrind", "--cache-sim=no",
                              f"--callgrind-out-file={scratch}/callgrind.out", *shlex.split(proper)],
                             check=True, capture_output=True, text=True).stderr
    return int(re.search(r"Collected : (\d+)", log).group(1))


def compiler_name(compiler):
    return subprocess.run([compiler, "--version"], capture_output=True, text=True).stdout.splitlines()[0]


def measure_times(args, compiler, work):
    print(f"\n### {compiler_name(compiler)}\n")
    print(f"median CPU time (user + system) of {args.runs} interleaved runs of `{compiler} -std=c++20 -O2 -c`, "
          "median of the runs' ratios to `semantics`, peak resident memory, machine code per call site\n")
    print("| N | plain (s) | semantics (s) | struct (s) | alias (s) | struct / semantics | alias / semantics "
          "| semantics (MB) | struct (MB) | alias (MB) | plain (B/call) | semantics (B/call) | struct (B/call) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for n in args.sizes:
        sources = {}
        for name in VARIANTS:
            sources[name] = work / f"{name}_{n}.cpp"
            sources[name].write_text(SOURCES[name](n))
        # The variants take turns, run after run, so that a slower spell of
        # the machine weighs on all of them alike; a ratio is the median of
        # each run's ratio.
        times = {name: [] for name in VARIANTS}
        peaks = {name: 0.0 for name in VARIANTS}
        for _ in range(args.runs):
            for name in VARIANTS:
                seconds, megabytes = compile_once(compiler, sources[name])
                times[name].append(seconds)
                peaks[name] = max(peaks[name], megabytes)
        median = {name: statistics.median(times[name]) for name in VARIANTS}
        ratio = {name: statistics.median(a / b for a, b in zip(times[name], times["semantics"]))
                 for name in ("struct", "alias")}
        code = {name: bytes_per_call(compiler, sources[name], n, work) for name in ("plain", "semantics", "struct")}
        row = dict(n=n, **{f"{k}_s": v for k, v in median.items()}, **{f"{k}_mb": v for k, v in peaks.items()},
                   **{f"{k}_bytes": v for k, v in code.items()}, struct_ratio=ratio["struct"],
                   alias_ratio=ratio["alias"])
        rows.append(row)
        print(f"| {n} | {median['plain']:.2f} | {median['semantics']:.2f} | {median['struct']:.2f} "
              f"| {median['alias']:.2f} | {ratio['struct']:.2f} | {ratio['alias']:.2f} | {peaks['semantics']:.0f} "
              f"| {peaks['struct']:.0f} | {peaks['alias']:.0f} | {code['plain']:.1f} | {code['semantics']:.1f} "
              f"| {code['struct']:.1f} |", flush=True)
    return rows


def measure_instructions(args, compiler, work):
    print(f"\ninstructions of the compiler proper ({compiler}, callgrind, millions), ratios to `semantics`\n")
    print("| N | plain | semantics | struct | alias | struct / semantics | alias / semantics | struct / plain |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for n in args.sizes:
        counts = {}
        for name in VARIANTS:
            source = work / f"{name}_{n}.cpp"
            source.write_text(SOURCES[name](n))
            counts[name] = compiler_instructions(compiler, source) / 1e6
        rows.append(dict(n=n, **{f"{k}_minstr": v for k, v in counts.items()}))
        print(f"| {n} | {counts['plain']:.0f} | {counts['semantics']:.0f} | {counts['struct']:.0f} "
              f"| {counts['alias']:.0f} | {counts['struct'] / counts['semantics']:.2f} "
              f"| {counts['alias'] / counts['semantics']:.2f} | {counts['struct'] / counts['plain']:.2f} |",
              flush=True)
    return rows


def write_csv(path, rows):
    with open(path, "w") as csv:
        csv.write(",".join(rows[0]) + "\n")
        for row in rows:
            csv.write(",".join(f"{v:.4g}" if isinstance(v, float) else str(v) for v in row.values()) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compilers", nargs="+", default=["g++", "clang++"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 250, 500, 1000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=pathlib.Path, default=ROOT / "build" / "compile_time")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the compiler's instructions with callgrind (slow, stable)")
    parser.add_argument("--no-times", action="store_true", help="only the instruction counts")
    parser.add_argument("--code", action="store_true", help="only the machine code per call site, by operation")
    args = parser.parse_args()
    for compiler in args.compilers:
        work = args.work / pathlib.Path(compiler).name
        work.mkdir(parents=True, exist_ok=True)
        if args.code:
            print_code_per_operation(args, compiler, work)
            continue
        if not args.no_times:
            write_csv(work / "compile_time.csv", measure_times(args, compiler, work))
        if args.instructions or args.no_times:
            write_csv(work / "instructions.csv", measure_instructions(args, compiler, work))


if __name__ == "__main__":
    main()
