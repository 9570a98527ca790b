// SPDX-License-Identifier: BSL-1.0
// A disabled context still checks every call.
// expect: typed_metrics: increment<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: increment<"grph_breaks">(): the schema declares no metric "grph_breaks"; did you mean "graph_breaks"?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    tmx::metrics_context<probe_schema, tmx::disabled> disabled{nullptr};
    auto const scope = disabled.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_increment<probe_schema, "grph_breaks", decltype(1)>);
    disabled.increment<"grph_breaks">(1);
#else
    static_assert(tmx::can_increment<probe_schema, "graph_breaks", decltype(1)>);
    disabled.increment<"graph_breaks">(1);
#endif
}
