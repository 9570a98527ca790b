// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: timed<Name>() requires a counter metric of a std::chrono::duration (counter<Name, std::chrono::microseconds>)
// expect-sentence: typed_metrics: timed<"backend">(): "backend" is a value<std::string>, not a counter of a std::chrono::duration; use set<"backend">(...)
#include "probe_timed_schema.hpp"

int main() {
    auto const scope = timed_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_time<timed_schema, "backend">);
    auto const timer = timed_context.timed<"backend">();
#else
    static_assert(tmx::can_time<timed_schema, "backend_compile">);
    auto const timer = timed_context.timed<"backend_compile">();
#endif
}
