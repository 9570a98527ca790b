// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: add_top_n<Name>(k, v) requires a k that converts to the ranking's key type without narrowing
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
