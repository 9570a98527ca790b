#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""No helper function per metric name (docs/design.md, Compile-time rules):
compiles per_name_functions.cpp, one call of every operation, with g++
-fkeep-inline-functions (so that inlined functions are emitted too), and
fails on any function whose template arguments hold a metric name other
than those the rule allows.

    per_name_functions.py COMPILER_ID COMPILER NM [FLAG...]

Only g++ emits every inline function; with another compiler the test is
skipped.
"""
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent

# The functions that may be instantiated per name, as qualified names
# without template arguments and parameters.
ALLOWED = [
    # The public operations, and the lambdas written inside them.
    r"typed_metrics::(metrics_context|runtime_metrics_context)::"
    r"(increment|set|update|update_outer|add_to_set|set_key_value|add_top_n|timed)(::<lambda>::operator\(\))?",
    r"typed_metrics::record::(get|contains)",
    r"typed_metrics::(get|contains)",
    # tmx::arg<"k"> = v and what it makes.
    r"typed_metrics::arg_t::operator=",
    r"typed_metrics::named_arg::forward",
    # Standard-library templates of the library's types: std::forward of a
    # named_arg, the type traits of the storage.
    r"std::.*",
    # The storage's own members and its walk: once per schema, not per call.
    r"typed_metrics::detail::(sized_)?slots?::.*",
    r"typed_metrics::detail::record_access::clear::<lambda>::operator\(\)",
    # The helpers that take update's and the runtime extras' named arguments,
    # whose types carry the names.
    r"typed_metrics::metrics_context::update_values(::<lambda>::operator\(\))?",
    r"typed_metrics::runtime_metrics_context::set_if_absent",
    # The runtime context's timer, once per schema and duration type: it
    # holds a pointer to a member of the storage, whose type spells the names.
    r"typed_metrics::detail::active_timer::(active_timer|~active_timer)",
    r"typed_metrics::runtime_metrics_context::stop_timer",
]


def qualified_name(symbol):
    """`void ns::cls<...>::f<...>(...) const` -> `ns::cls::f`; a lambda is `<lambda>`."""
    symbol = symbol.replace("operator()", "operator@call")
    while "{lambda" in symbol:  # {lambda(auto:1&)#1}, its braces balanced
        begin = symbol.index("{lambda")
        depth, end = 0, begin
        for end in range(begin, len(symbol)):
            depth += {"{": 1, "}": -1}.get(symbol[end], 0)
            if depth == 0:
                break
        symbol = symbol[:begin] + "@lambda" + symbol[end + 1:]
    out, depth = "", 0
    for ch in symbol:  # drop template arguments and parameters
        if ch in "<([{":
            depth += 1
        elif ch in ">)]}":
            depth -= 1
        elif depth == 0:
            out += ch
    out = out.removesuffix(" const").split(" ")[-1]  # the return type, if any, is before a space
    return out.replace("@lambda", "<lambda>").replace("operator@call", "operator()")


def main():
    compiler_id, compiler, nm, flags = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    if compiler_id != "GNU":
        print(f"per-name functions: skipped: {compiler_id} does not emit every inline function (g++ does)")
        return
    with tempfile.TemporaryDirectory() as work:
        obj = pathlib.Path(work) / "per_name_functions.o"
        subprocess.run([compiler, "-std=c++20", "-O0", "-fkeep-inline-functions", *flags, "-c",
                        str(HERE / "per_name_functions.cpp"), "-o", str(obj)], check=True)
        symbols = subprocess.run([nm, "-C", "--defined-only", str(obj)], capture_output=True, text=True,
                                 check=True).stdout
    per_name = set()
    for line in symbols.splitlines():
        parts = line.split(" ", 2)
        # Functions only (text symbols); a name value is `fixed_string<N>{...}`.
        if len(parts) == 3 and parts[1] in "TtWw" and re.search(r"fixed_string<\d+ul>\{", parts[2]):
            per_name.add(qualified_name(parts[2]))
    allowed = [re.compile(pattern) for pattern in ALLOWED]
    unexpected = sorted(name for name in per_name if not any(p.fullmatch(name) for p in allowed))
    if not per_name:
        sys.exit("no function instantiated per name was found: the test no longer sees them")
    if unexpected:
        sys.exit("functions instantiated per metric name that docs/design.md's rule does not allow:\n    " +
                 "\n    ".join(unexpected))
    print(f"{len(per_name)} functions instantiated per name, all allowed:\n    " + "\n    ".join(sorted(per_name)))


if __name__ == "__main__":
    main()
