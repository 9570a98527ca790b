// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: a metric requires number types that every export writes exactly: a standard integer type, float or double, not long double, __int128 or another extended type
// The exporters are compiled too: nothing may follow the schema's error.
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain
#include <typed_metrics/json.hpp>
#include <typed_metrics/json_schema.hpp>

#include <iostream>

namespace tmx = typed_metrics;

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::set_of<"ratios", long double>>;
#else
using schema = tmx::schema<tmx::set_of<"ratios", double>>;
#endif

int main() {
    tmx::record<schema> const record;
    std::cout << record << tmx::to_json(record) << tmx::json_schema<schema>() << '\n';
}
