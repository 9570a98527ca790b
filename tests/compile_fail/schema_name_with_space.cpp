// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: a metric name requires an identifier: a letter or '_', then letters, digits or '_'
// expect-sentence: typed_metrics: counter<"compile ms", std::int64_t>: "compile ms" is not an identifier; name it with letters, digits and '_', not starting with a digit
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::counter<"compile ms">>;
#else
using schema = tmx::schema<tmx::counter<"compile_ms">>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
