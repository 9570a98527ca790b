// SPDX-License-Identifier: BSL-1.0
// The harness must fail this probe: its mistake is an unknown name, not the
// sentences expected below (see CMakeLists.txt).
// expect: typed_metrics: increment<Name>() requires a counter metric
// expect-sentence: typed_metrics: increment<"grph_breaks">(): "grph_breaks" is a value<std::string>, not a counter; use set<"grph_breaks">(...)
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_increment<probe_schema, "grph_breaks", decltype(1)>);
    probe_context.increment<"grph_breaks">(1);
#else
    static_assert(tmx::can_increment<probe_schema, "graph_breaks", decltype(1)>);
    probe_context.increment<"graph_breaks">(1);
#endif
}
