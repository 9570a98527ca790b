# SPDX-License-Identifier: BSL-1.0
# Writes, at configure time, the probe of a schema declared as an alias with
# one metric more than tmx::max_alias_schema_size (so that the repository
# holds no 65-line file) and adds it to `probes`. Its twin declares the
# same schema as a struct.
set(alias_count 65)
set(alias_metrics "")
math(EXPR alias_last "${alias_count} - 1")
foreach(number RANGE ${alias_last})
  string(APPEND alias_metrics "    tmx::counter<\"metric_${number}\">,\n")
endforeach()
string(REGEX REPLACE ",\n$" "" alias_metrics "${alias_metrics}")

set(alias_probe ${CMAKE_CURRENT_BINARY_DIR}/alias_schema_too_large.cpp)
file(WRITE ${alias_probe} "// Written by tests/compile_fail/alias_schema_probe.cmake.
// expect: typed_metrics: a schema of more than tmx::max_alias_schema_size (64) metrics requires a struct deriving from it (struct my_schema : tmx::schema<...> {};), not an alias (using my_schema = tmx::schema<...>;): an alias spells all its metrics in the symbol name of every function instantiated for it, which costs the compiler time in the square of their number
#include <typed_metrics/typed_metrics.hpp>

namespace tmx = typed_metrics;

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<
${alias_metrics}>;
#else
struct schema : tmx::schema<
${alias_metrics}> {};
#endif

int main() {
    tmx::metrics_context<schema> context{nullptr};
    auto const scope = context.enter();
    context.increment<\"metric_64\">(1);
}
")
list(APPEND probes ${alias_probe})
