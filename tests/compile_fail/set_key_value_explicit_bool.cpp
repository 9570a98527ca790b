// SPDX-License-Identifier: BSL-1.0
// An optional's explicit operator bool is not a bool: list-initialisation
// alone would record true for any engaged optional.
// expect: typed_metrics: set_key_value<Name>(k, v) requires a v that converts to the map's value type without narrowing
// expect-sentence: typed_metrics: set_key_value<"feature_usage">(k, v): "feature_usage" is a map_of<std::string, bool>, and v (std::optional<bool>) does not convert to bool without narrowing; write the value you mean (*opt, p != nullptr)
#include "probe_schema.hpp"

#include <optional>

int main() {
    auto const scope = probe_context.enter();
    std::optional<bool> const enabled{false};
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_set_key_value<probe_schema, "feature_usage", decltype("k"), decltype(enabled)>);
    probe_context.set_key_value<"feature_usage">("k", enabled);
#else
    static_assert(tmx::can_set_key_value<probe_schema, "feature_usage", decltype("k"), decltype(*enabled)>);
    probe_context.set_key_value<"feature_usage">("k", *enabled);
#endif
}
