// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set_key_value<Name>(k, v) requires a v that converts to the map's value type without narrowing
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_set_key_value<probe_schema, "feature_usage", decltype("k"), decltype("yes")>);
    probe_context.set_key_value<"feature_usage">("k", "yes");
#else
    static_assert(tmx::can_set_key_value<probe_schema, "feature_usage", decltype("k"), decltype(true)>);
    probe_context.set_key_value<"feature_usage">("k", true);
#endif
}
