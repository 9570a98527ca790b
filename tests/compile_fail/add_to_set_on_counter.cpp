// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: add_to_set<Name>() requires a set_of metric
// expect-sentence: typed_metrics: add_to_set<"graph_breaks">(): "graph_breaks" is a counter<std::int64_t>, not a set_of; use increment<"graph_breaks">(...)
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_add_to_set<probe_schema, "graph_breaks", decltype("shape")>);
    probe_context.add_to_set<"graph_breaks">("shape");
#else
    static_assert(tmx::can_add_to_set<probe_schema, "guards", decltype("shape")>);
    probe_context.add_to_set<"guards">("shape");
#endif
}
