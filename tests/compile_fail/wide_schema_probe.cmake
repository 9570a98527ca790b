# SPDX-License-Identifier: BSL-1.0
# Writes, at configure time, the probe of a misspelt name in a large schema
# (so that the repository holds no 2000-line file) and adds it to `probes`:
# 2000 counters named compile_pass_0000_wall_time_microseconds and on, 40
# characters each, and a record read by one of them with two letters
# swapped. The suggestion is computed in the constant evaluator, which must
# stay within both compilers' default limits; the probe checks the one error
# and, in the whole output, the suggested name spelled out.
set(wide_count 2000)
set(wide_misspelt 1234)

# A metric's name: its number in four digits between a prefix and a suffix.
function(wide_metric_name number out)
  set(padded "000${number}")
  string(LENGTH "${padded}" length)
  math(EXPR start "${length} - 4")
  string(SUBSTRING "${padded}" ${start} 4 digits)
  set(${out} "compile_pass_${digits}_wall_time_microseconds" PARENT_SCOPE)
endfunction()

set(wide_metrics "")
math(EXPR wide_last "${wide_count} - 1")
foreach(number RANGE ${wide_last})
  wide_metric_name(${number} name)
  string(APPEND wide_metrics "                           tmx::counter<\"${name}\">,\n")
endforeach()
string(REGEX REPLACE ",\n$" "" wide_metrics "${wide_metrics}")

wide_metric_name(${wide_misspelt} wide_right)
string(REPLACE "_time_" "_tmie_" wide_wrong "${wide_right}")
# As the diagnostic spells the suggestion: 'c', 'o', 'm', ...
string(REGEX REPLACE "(.)" "'\\1', " wide_spelled "${wide_right}")
string(REGEX REPLACE ", $" "" wide_spelled "${wide_spelled}")

set(wide_probe ${CMAKE_CURRENT_BINARY_DIR}/unknown_metric_among_2000.cpp)
file(WRITE ${wide_probe} "// Written by tests/compile_fail/wide_schema_probe.cmake.
// expect: typed_metrics: record.get<Name>() and contains<Name>() require a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: get<\"${wide_wrong}\">() or contains<\"${wide_wrong}\">(): the schema declares no metric \"${wide_wrong}\"; did you mean \"${wide_right}\"?
// expect-output: did_you_mean<${wide_spelled}>
// max-lines-gcc: 10
#include <typed_metrics/typed_metrics.hpp>

namespace tmx = typed_metrics;

// A named struct, as the docs advise: g++ names it, not its 2000 tags, in the
// instantiation lines.
struct wide_schema : tmx::schema<
${wide_metrics}> {};

int main() {
    tmx::record<wide_schema> const record;
#ifdef TYPED_METRICS_PROBE
    return record.contains<\"${wide_wrong}\">() ? 1 : 0;
#else
    return record.contains<\"${wide_right}\">() ? 1 : 0;
#endif
}
")
list(APPEND probes ${wide_probe})
