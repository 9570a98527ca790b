// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set_key_value<Name>(k, v) requires a v that converts to the map's value type without narrowing
// expect-sentence: typed_metrics: set_key_value<"feature_usage">(k, v): "feature_usage" is a map_of<std::string, bool>, and v (const char*) does not convert to bool without narrowing; pass a bool
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
