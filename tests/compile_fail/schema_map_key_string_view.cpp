// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: a metric requires types that own their data, not views or pointers (a record outlives the call that wrote it): std::string for text, an owning type for the rest
// The exporters are compiled too: nothing may follow the schema's error.
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain
#include <typed_metrics/json.hpp>

#include <iostream>
#include <string>
#include <string_view>

namespace tmx = typed_metrics;

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::map_of<"kv", std::string_view, int>>;
#else
using schema = tmx::schema<tmx::map_of<"kv", std::string, int>>;
#endif

int main() {
    tmx::record<schema> const record;
    std::cout << record << tmx::to_json(record) << '\n';
}
