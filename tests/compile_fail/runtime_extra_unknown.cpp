// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: update(arg<Name> = v) requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: update(arg<"backends"> = v): the schema declares no metric "backends"; did you mean "backend"?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    tmx::runtime_metrics_context<probe_schema> runtime{[](tmx::exit_info<probe_schema> const&) {}};
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_update<probe_schema, decltype(tmx::arg<"backends"> = "eager")>);
    runtime.increment<"graph_breaks">(1, tmx::arg<"backends"> = "eager");
#else
    static_assert(tmx::can_increment<probe_schema, "graph_breaks", decltype(1)> && tmx::can_update<probe_schema, decltype(tmx::arg<"backend"> = "eager")>);
    runtime.increment<"graph_breaks">(1, tmx::arg<"backend"> = "eager");
#endif
}
