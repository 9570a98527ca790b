// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set<Name>() requires a value metric
// expect-sentence: typed_metrics: set<"graph_breaks">(): "graph_breaks" is a counter<std::int64_t>, not a value; use increment<"graph_breaks">(...)
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_set<probe_schema, "graph_breaks", decltype(1)>);
    probe_context.set<"graph_breaks">(1);
#else
    static_assert(tmx::can_increment<probe_schema, "graph_breaks", decltype(1)>);
    probe_context.increment<"graph_breaks">(1);
#endif
}
