// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set<Name>() requires a value metric
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    probe_context.set<"graph_breaks">(1);
#else
    probe_context.increment<"graph_breaks">(1);
#endif
}
