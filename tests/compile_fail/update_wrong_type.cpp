// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: update(arg<Name> = v) requires a v that converts to the value's type without narrowing
// expect-sentence: typed_metrics: update(arg<"backend"> = v): "backend" is a value<std::string>, and v (int) does not convert to std::string without narrowing; pass a std::string
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_update<probe_schema, decltype(tmx::arg<"backend"> = 42)>);
    probe_context.update(tmx::arg<"backend"> = 42);
#else
    static_assert(tmx::can_update<probe_schema, decltype(tmx::arg<"backend"> = "42")>);
    probe_context.update(tmx::arg<"backend"> = "42");
#endif
}
