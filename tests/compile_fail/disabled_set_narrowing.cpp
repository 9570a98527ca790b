// SPDX-License-Identifier: BSL-1.0
// A disabled context still checks every call.
// expect: typed_metrics: set<Name>(v) requires a v that converts to the value's type without narrowing
#include "probe_schema.hpp"

int main() {
    tmx::metrics_context<probe_schema, tmx::disabled> disabled{nullptr};
    auto const scope = disabled.enter();
#ifdef TYPED_METRICS_PROBE
    disabled.set<"compile_ms">(3);
#else
    disabled.set<"compile_ms">(3.0);
#endif
}
