// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: update(...) requires each argument written as tmx::arg<Name> = value
// expect-sentence: typed_metrics: update(...): an argument of type double is not named; write tmx::arg<"name"> = value
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_update<probe_schema, decltype(3.5)>);
    probe_context.update(3.5);
#else
    static_assert(tmx::can_update<probe_schema, decltype(tmx::arg<"compile_ms"> = 3.5)>);
    probe_context.update(tmx::arg<"compile_ms"> = 3.5);
#endif
}
