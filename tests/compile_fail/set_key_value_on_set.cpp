// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set_key_value<Name>() requires a map_of metric
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    probe_context.set_key_value<"guards">("shape", true);
#else
    probe_context.set_key_value<"feature_usage">("shape", true);
#endif
}
