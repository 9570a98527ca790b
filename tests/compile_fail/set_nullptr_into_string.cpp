// SPDX-License-Identifier: BSL-1.0
// std::string{nullptr} compiles and fails at run time: nullptr is refused.
// expect: typed_metrics: set<Name>(v) requires a v that converts to the value's type without narrowing
// expect-sentence: typed_metrics: set<"backend">(v): "backend" is a value<std::string>, and v (std::nullptr_t) does not convert to std::string without narrowing; pass a std::string
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_set<probe_schema, "backend", decltype(nullptr)>);
    probe_context.set<"backend">(nullptr);
#else
    static_assert(tmx::can_set<probe_schema, "backend", decltype("")>);
    probe_context.set<"backend">("");
#endif
}
