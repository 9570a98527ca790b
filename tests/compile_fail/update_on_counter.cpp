// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: update(arg<Name> = v) requires a value metric
// expect-sentence: typed_metrics: update(arg<"graph_breaks"> = v): "graph_breaks" is a counter<std::int64_t>, not a value; use increment<"graph_breaks">(...)
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_update<probe_schema, decltype(tmx::arg<"graph_breaks"> = 1)>);
    probe_context.update(tmx::arg<"graph_breaks"> = 1);
#else
    static_assert(tmx::can_increment<probe_schema, "graph_breaks", decltype(1)>);
    probe_context.increment<"graph_breaks">(1);
#endif
}
