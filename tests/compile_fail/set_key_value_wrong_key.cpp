// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set_key_value<Name>(k, v) requires a k that converts to the map's key type without narrowing
// expect-sentence: typed_metrics: set_key_value<"feature_usage">(k, v): "feature_usage" is a map_of<std::string, bool>, and k (int) does not convert to std::string without narrowing; pass a std::string
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_set_key_value<probe_schema, "feature_usage", decltype(1), decltype(true)>);
    probe_context.set_key_value<"feature_usage">(1, true);
#else
    static_assert(tmx::can_set_key_value<probe_schema, "feature_usage", decltype("1"), decltype(true)>);
    probe_context.set_key_value<"feature_usage">("1", true);
#endif
}
