// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: add_top_n<Name>() requires a top_n_of metric
// expect-sentence: typed_metrics: add_top_n<"feature_usage">(): "feature_usage" is a map_of<std::string, bool>, not a top_n_of; use set_key_value<"feature_usage">(...)
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_add_top_n<probe_schema, "feature_usage", decltype("matmul"), decltype(42)>);
    probe_context.add_top_n<"feature_usage">("matmul", 42);
#else
    static_assert(tmx::can_add_top_n<probe_schema, "slowest_ops", decltype("matmul"), decltype(42)>);
    probe_context.add_top_n<"slowest_ops">("matmul", 42);
#endif
}
