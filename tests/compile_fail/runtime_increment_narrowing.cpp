// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: increment<Name>(v) requires a v that converts to the counter's type without narrowing
// expect-sentence: typed_metrics: increment<"graph_breaks">(v): "graph_breaks" is a counter<std::int64_t>, and v (double) does not convert to std::int64_t without narrowing; round it (std::llround(v)) or declare the metric with double
#include "probe_schema.hpp"

int main() {
    tmx::runtime_metrics_context<probe_schema> runtime{[](tmx::exit_info<probe_schema> const&) {}};
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_increment<probe_schema, "graph_breaks", decltype(0.5)>);
    runtime.increment<"graph_breaks">(0.5);
#else
    static_assert(tmx::can_increment<probe_schema, "graph_breaks", decltype(1)>);
    runtime.increment<"graph_breaks">(1);
#endif
}
