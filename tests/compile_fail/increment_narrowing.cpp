// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: increment<Name>(v) requires a v that converts to the counter's type without narrowing
// expect-sentence: typed_metrics: increment<"graph_breaks">(v): "graph_breaks" is a counter<std::int64_t>, and v (double) does not convert to std::int64_t without narrowing; round it (std::llround(v)) or declare the metric with double
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_increment<probe_schema, "graph_breaks", decltype(1.5)>);
    probe_context.increment<"graph_breaks">(1.5);
#else
    static_assert(tmx::can_increment<probe_schema, "graph_breaks", decltype(2)>);
    probe_context.increment<"graph_breaks">(2);
#endif
}
