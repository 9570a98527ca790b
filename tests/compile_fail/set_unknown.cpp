// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: set<"backnd">(): the schema declares no metric "backnd"; did you mean "backend"?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_set<probe_schema, "backnd", decltype("eager")>);
    probe_context.set<"backnd">("eager");
#else
    static_assert(tmx::can_set<probe_schema, "backend", decltype("eager")>);
    probe_context.set<"backend">("eager");
#endif
}
