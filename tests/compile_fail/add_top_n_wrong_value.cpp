// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: add_top_n<Name>(k, v) requires a v that converts to the ranking's value type without narrowing
// expect-sentence: typed_metrics: add_top_n<"slowest_ops">(k, v): "slowest_ops" is a top_n_of<std::string, std::int64_t, 3>, and v (double) does not convert to std::int64_t without narrowing; round it (std::llround(v)) or declare the metric with double
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_add_top_n<probe_schema, "slowest_ops", decltype("matmul"), decltype(4.2)>);
    probe_context.add_top_n<"slowest_ops">("matmul", 4.2);
#else
    static_assert(tmx::can_add_top_n<probe_schema, "slowest_ops", decltype("matmul"), decltype(42)>);
    probe_context.add_top_n<"slowest_ops">("matmul", 42);
#endif
}
