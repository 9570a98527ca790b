// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: add_top_n<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: add_top_n<"slowest_op">(): the schema declares no metric "slowest_op"; did you mean "slowest_ops"?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_add_top_n<probe_schema, "slowest_op", decltype("matmul"), decltype(42)>);
    probe_context.add_top_n<"slowest_op">("matmul", 42);
#else
    static_assert(tmx::can_add_top_n<probe_schema, "slowest_ops", decltype("matmul"), decltype(42)>);
    probe_context.add_top_n<"slowest_ops">("matmul", 42);
#endif
}
