// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: update(arg<Name> = v) requires a value metric
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    probe_context.update(tmx::arg<"graph_breaks"> = 1);
#else
    probe_context.increment<"graph_breaks">(1);
#endif
}
