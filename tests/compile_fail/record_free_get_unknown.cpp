// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: record.get<Name>() and contains<Name>() require a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: get<"backnd">() or contains<"backnd">(): the schema declares no metric "backnd"; did you mean "backend"?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    tmx::record<probe_schema> const record;
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::declared_metric<probe_schema, "backnd">);
    return tmx::get<"backnd">(record) ? 1 : 0;
#else
    static_assert(tmx::declared_metric<probe_schema, "backend">);
    return tmx::get<"backend">(record) ? 1 : 0;
#endif
}
