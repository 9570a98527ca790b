// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: increment<Name>(v) requires a v that converts to the counter's type without narrowing
// expect-sentence: typed_metrics: increment<"cache_bytes">(v): "cache_bytes" is a counter<std::uint64_t>, and v (int) does not convert to std::uint64_t without narrowing; write 1u, not 1, or pass a std::uint64_t
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_increment<probe_schema, "cache_bytes", decltype(-1)>);
    probe_context.increment<"cache_bytes">(-1);
#else
    static_assert(tmx::can_increment<probe_schema, "cache_bytes", decltype(1u)>);
    probe_context.increment<"cache_bytes">(1u);
#endif
}
