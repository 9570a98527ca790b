// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: increment<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: increment<"graph_break">(): the schema declares no metric "graph_break"; did you mean "graph_breaks"?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    tmx::runtime_metrics_context<probe_schema> runtime{[](tmx::exit_info<probe_schema> const&) {}};
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_increment<probe_schema, "graph_break", decltype(1)>);
    runtime.increment<"graph_break">(1);
#else
    static_assert(tmx::can_increment<probe_schema, "graph_breaks", decltype(1)>);
    runtime.increment<"graph_breaks">(1);
#endif
}
