// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: update(arg<Name> = v) requires a value metric
// expect-sentence: typed_metrics: update(arg<"cache_bytes"> = v): "cache_bytes" is a counter<std::uint64_t>, not a value; use increment<"cache_bytes">(...)
#include "probe_schema.hpp"

int main() {
    tmx::runtime_metrics_context<probe_schema> runtime{[](tmx::exit_info<probe_schema> const&) {}};
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_update<probe_schema, decltype(tmx::arg<"cache_bytes"> = 7u)>);
    runtime.increment<"graph_breaks">(1, tmx::arg<"cache_bytes"> = 7u);
#else
    static_assert(tmx::can_increment<probe_schema, "graph_breaks", decltype(1)> && tmx::can_update<probe_schema, decltype(tmx::arg<"backend"> = "eager")>);
    runtime.increment<"graph_breaks">(1, tmx::arg<"backend"> = "eager");
#endif
}
