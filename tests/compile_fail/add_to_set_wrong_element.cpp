// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: add_to_set<Name>(e) requires an e that converts to the set's element type without narrowing
// expect-sentence: typed_metrics: add_to_set<"guards">(e): "guards" is a set_of<std::string>, and e (int) does not convert to std::string without narrowing; pass a std::string
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
