// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: update(arg<Name> = v) requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: update(arg<"compile_ns"> = v): the schema declares no metric "compile_ns"; did you mean "compile_ms"?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_update<probe_schema, decltype(tmx::arg<"compile_ns"> = 3.5)>);
    probe_context.update(tmx::arg<"compile_ns"> = 3.5);
#else
    static_assert(tmx::can_update<probe_schema, decltype(tmx::arg<"compile_ms"> = 3.5)>);
    probe_context.update(tmx::arg<"compile_ms"> = 3.5);
#endif
}
