// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set_key_value<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: set_key_value<"features">(): the schema declares no metric "features"; did you mean "guards"?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_set_key_value<probe_schema, "features", decltype("k"), decltype(true)>);
    probe_context.set_key_value<"features">("k", true);
#else
    static_assert(tmx::can_set_key_value<probe_schema, "feature_usage", decltype("k"), decltype(true)>);
    probe_context.set_key_value<"feature_usage">("k", true);
#endif
}
