// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: record.get<Name>() and contains<Name>() require a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: get<"guard">() or contains<"guard">(): the schema declares no metric "guard"; did you mean "guards"?
// max-lines-gcc: 10
#include "probe_schema.hpp"

int main() {
    tmx::record<probe_schema> const record;
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::declared_metric<probe_schema, "guard">);
    return tmx::contains<"guard">(record) ? 1 : 0;
#else
    static_assert(tmx::declared_metric<probe_schema, "guards">);
    return tmx::contains<"guards">(record) ? 1 : 0;
#endif
}
