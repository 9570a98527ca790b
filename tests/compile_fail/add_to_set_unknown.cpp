// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: add_to_set<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: add_to_set<"guard">(): the schema declares no metric "guard"; did you mean "guards"?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_add_to_set<probe_schema, "guard", decltype("shape")>);
    probe_context.add_to_set<"guard">("shape");
#else
    static_assert(tmx::can_add_to_set<probe_schema, "guards", decltype("shape")>);
    probe_context.add_to_set<"guards">("shape");
#endif
}
