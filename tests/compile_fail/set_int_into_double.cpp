// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set<Name>(v) requires a v that converts to the value's type without narrowing
// expect-sentence: typed_metrics: set<"compile_ms">(v): "compile_ms" is a value<double>, and v (int) does not convert to double without narrowing; write 3.0, not 3, or pass a double
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_set<probe_schema, "compile_ms", decltype(3)>);
    probe_context.set<"compile_ms">(3);
#else
    static_assert(tmx::can_set<probe_schema, "compile_ms", decltype(3.0)>);
    probe_context.set<"compile_ms">(3.0);
#endif
}
