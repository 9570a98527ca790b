// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: add_to_set<Name>(e) requires an e that converts to the set's element type without narrowing
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_add_to_set<probe_schema, "guards", decltype(42)>);
    probe_context.add_to_set<"guards">(42);
#else
    static_assert(tmx::can_add_to_set<probe_schema, "guards", decltype("42")>);
    probe_context.add_to_set<"guards">("42");
#endif
}
