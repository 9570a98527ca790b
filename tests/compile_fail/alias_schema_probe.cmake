# SPDX-License-Identifier: BSL-1.0
# Writes, at configure time, the probe of a schema declared as an alias with
# more metrics than tmx::max_alias_schema_size (64): seven parts of ten
# counters, merged (so that the repository holds no 70-line file), and adds
# it to `probes`. Its twin declares the merged schema as a struct.
set(alias_parts "")
foreach(part RANGE 6)
  set(metrics "")
  foreach(number RANGE 9)
    string(APPEND metrics "tmx::counter<\"m${part}${number}\">, ")
  endforeach()
  string(REGEX REPLACE ", $" "" metrics "${metrics}")
  string(APPEND alias_parts "struct part_${part} : tmx::schema<${metrics}> {};\n")
endforeach()

set(alias_probe ${CMAKE_CURRENT_BINARY_DIR}/alias_schema_too_large.cpp)
file(WRITE ${alias_probe} "// Written by tests/compile_fail/alias_schema_probe.cmake.
// expect: typed_metrics: a schema of more than tmx::max_alias_schema_size (64) metrics requires a struct deriving from it (struct my_schema : tmx::schema<...> {};), not an alias (using my_schema = tmx::schema<...>;): an alias spells all its metrics in the symbol name of every function instantiated for it, which costs the compiler time in the square of their number
#include <typed_metrics/typed_metrics.hpp>

namespace tmx = typed_metrics;

${alias_parts}
#ifdef TYPED_METRICS_PROBE
using schema = tmx::merge_schemas<part_0, part_1, part_2, part_3, part_4, part_5, part_6>;
#else
struct schema : tmx::merge_schemas<part_0, part_1, part_2, part_3, part_4, part_5, part_6> {};
#endif

int main() {
    tmx::metrics_context<schema> context{nullptr};
    auto const scope = context.enter();
    context.increment<\"m69\">(1);
}
")
list(APPEND probes ${alias_probe})
