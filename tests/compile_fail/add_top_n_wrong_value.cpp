// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: add_top_n<Name>(k, v) requires a v that converts to the ranking's value type without narrowing
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    probe_context.add_top_n<"slowest_ops">("matmul", 4.2);
#else
    probe_context.add_top_n<"slowest_ops">("matmul", 42);
#endif
}
