// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: increment<Name>() requires a counter metric
// expect-sentence: typed_metrics: increment<"guards">(): "guards" is a set_of<std::string>, not a counter; use add_to_set<"guards">(...)
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_increment<probe_schema, "guards", decltype(1)>);
    probe_context.increment<"guards">(1);
#else
    static_assert(tmx::can_add_to_set<probe_schema, "guards", decltype("1")>);
    probe_context.add_to_set<"guards">("1");
#endif
}
