// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: the value requires a type that converts to the metric's value_type without narrowing
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    probe_context.add_to_set<"guards">(42);
#else
    probe_context.add_to_set<"guards">("42");
#endif
}
