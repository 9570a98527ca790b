// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: increment<Name>(d) on a duration counter requires a std::chrono::duration that converts to the counter's without loss (milliseconds into microseconds, not nanoseconds; a bare number has no unit)
// expect-sentence: typed_metrics: increment<"backend_compile">(d): "backend_compile" is a counter<std::chrono::microseconds>, and d (std::chrono::nanoseconds) is not a std::chrono::duration whose count converts to its unit without loss; pass a duration of a unit as coarse as the counter's or coarser (a bare number has no unit)
#include "probe_timed_schema.hpp"

int main() {
    auto const scope = timed_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_increment<timed_schema, "backend_compile", decltype(std::chrono::nanoseconds{1500})>);
    timed_context.increment<"backend_compile">(std::chrono::nanoseconds{1500});
#else
    static_assert(tmx::can_increment<timed_schema, "backend_compile", decltype(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::nanoseconds{1500}))>);
    timed_context.increment<"backend_compile">(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::nanoseconds{1500}));
#endif
}
