// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: counter<Name, T> requires an arithmetic T other than bool
// expect-sentence: typed_metrics: counter<"count", std::string>: a counter counts in an arithmetic type other than bool; write counter<"count"> (std::int64_t), or value<"count", std::string> for what is not a count
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::counter<"count", std::string>>;
#else
using schema = tmx::schema<tmx::counter<"count", long>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
