// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: increment<Name>() requires a counter metric
// expect-sentence: typed_metrics: increment<"backend">(): "backend" is a value<std::string>, not a counter; use set<"backend">(...)
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_increment<probe_schema, "backend", decltype(1)>);
    probe_context.increment<"backend">(1);
#else
    static_assert(tmx::can_increment<probe_schema, "graph_breaks", decltype(1)>);
    probe_context.increment<"graph_breaks">(1);
#endif
}
