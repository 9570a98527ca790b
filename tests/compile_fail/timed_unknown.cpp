// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: timed<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: timed<"backend_compiel">(): the schema declares no metric "backend_compiel"; did you mean "backend_compile"?
#include "probe_timed_schema.hpp"

int main() {
    auto const scope = timed_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_time<timed_schema, "backend_compiel">);
    auto const timer = timed_context.timed<"backend_compiel">();
#else
    static_assert(tmx::can_time<timed_schema, "backend_compile">);
    auto const timer = timed_context.timed<"backend_compile">();
#endif
}
