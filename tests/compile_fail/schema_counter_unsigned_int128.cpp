// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: a metric requires number types that every export writes exactly: a standard integer type, float or double, not long double, __int128 or another extended type
// expect-sentence: typed_metrics: counter<"bytes", unsigned __int128>: unsigned __int128 is a number that not every export writes exactly; use a standard integer type, float or double
// also-std: gnu++20
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain
#include <typed_metrics/prometheus.hpp>

#include "exported_record.hpp"

#include <cstdint>
#include <functional>

namespace tmx = typed_metrics;
__extension__ typedef unsigned __int128 uint128;  // __extension__: -Wpedantic warns of the type otherwise

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::counter<"bytes", uint128>>;
#else
using schema = tmx::schema<tmx::counter<"bytes", std::uint64_t>>;
#endif

int main() {
    tmx::record<schema> const record;
    tmx::prometheus_aggregator<schema> totals;
    tmx::metrics_context<schema> context{std::ref(totals)};
    {
        auto const scope = context.enter();
        context.increment<"bytes">(1u);
    }
    return print_and_export(record) + static_cast<int>(totals.render().empty());
}
