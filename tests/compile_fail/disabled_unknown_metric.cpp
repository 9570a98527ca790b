// SPDX-License-Identifier: BSL-1.0
// A disabled context still checks every call.
// expect: typed_metrics: increment<Name>() requires a metric declared in the schema; did you mean did_you_mean<...>?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    tmx::metrics_context<probe_schema, tmx::disabled> disabled{nullptr};
    auto const scope = disabled.enter();
#ifdef TYPED_METRICS_PROBE
    disabled.increment<"grph_breaks">(1);
#else
    disabled.increment<"graph_breaks">(1);
#endif
}
