// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set_key_value<Name>() requires a map_of metric
// expect-sentence: typed_metrics: set_key_value<"guards">(): "guards" is a set_of<std::string>, not a map_of; use add_to_set<"guards">(...)
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_set_key_value<probe_schema, "guards", decltype("shape"), decltype(true)>);
    probe_context.set_key_value<"guards">("shape", true);
#else
    static_assert(tmx::can_set_key_value<probe_schema, "feature_usage", decltype("shape"), decltype(true)>);
    probe_context.set_key_value<"feature_usage">("shape", true);
#endif
}
