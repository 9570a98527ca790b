// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: add_top_n<Name>(k, v) requires a k that converts to the ranking's key type without narrowing
// expect-sentence: typed_metrics: add_top_n<"slowest_ops">(k, v): "slowest_ops" is a top_n_of<std::string, std::int64_t, 3>, and k (int) does not convert to std::string without narrowing; pass a std::string
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_add_top_n<probe_schema, "slowest_ops", decltype(7), decltype(42)>);
    probe_context.add_top_n<"slowest_ops">(7, 42);
#else
    static_assert(tmx::can_add_top_n<probe_schema, "slowest_ops", decltype("7"), decltype(42)>);
    probe_context.add_top_n<"slowest_ops">("7", 42);
#endif
}
