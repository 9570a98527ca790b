// SPDX-License-Identifier: BSL-1.0
// The harness must fail this probe: its mistake is an unknown name, not the
// sentence expected below (see CMakeLists.txt).
// expect: typed_metrics: increment<Name>() requires a counter metric
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    probe_context.increment<"grph_breaks">(1);
#else
    probe_context.increment<"graph_breaks">(1);
#endif
}
