// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: increment<Name>() requires a metric declared in the schema; did you mean did_you_mean<...>?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    probe_context.increment<"grph_breaks">(1);
#else
    probe_context.increment<"graph_breaks">(1);
#endif
}
