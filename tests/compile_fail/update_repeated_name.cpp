// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: update(...) requires distinct metric names
// expect-sentence: typed_metrics: update(...): arg<"compile_ms"> is given twice; name each metric once
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_update<probe_schema, decltype(tmx::arg<"compile_ms"> = 3.5), decltype(tmx::arg<"compile_ms"> = 4.5)>);
    probe_context.update(tmx::arg<"compile_ms"> = 3.5, tmx::arg<"compile_ms"> = 4.5);
#else
    static_assert(tmx::can_update<probe_schema, decltype(tmx::arg<"compile_ms"> = 3.5), decltype(tmx::arg<"backend"> = "x")>);
    probe_context.update(tmx::arg<"compile_ms"> = 3.5, tmx::arg<"backend"> = "x");
#endif
}
