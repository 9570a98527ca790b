// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: timed<Name>() requires a counter metric of a std::chrono::duration (counter<Name, std::chrono::microseconds>)
// expect-sentence: typed_metrics: timed<"graph_breaks">(): "graph_breaks" is a counter<std::int64_t>, not a counter of a std::chrono::duration; declare it counter<"graph_breaks", std::chrono::microseconds>
#include "probe_timed_schema.hpp"

int main() {
    tmx::runtime_metrics_context<timed_schema> runtime{[](tmx::exit_info<timed_schema> const&) {}};
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_time<timed_schema, "graph_breaks">);
    auto const timer = runtime.timed<"graph_breaks">();
#else
    static_assert(tmx::can_time<timed_schema, "backend_compile">);
    auto const timer = runtime.timed<"backend_compile">();
#endif
}
