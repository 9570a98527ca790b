// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: counter<Name, T> requires an arithmetic T other than bool
// expect-sentence: typed_metrics: counter<"flag", bool>: a counter counts in an arithmetic type other than bool; write counter<"flag"> (std::int64_t), or value<"flag", bool> for what is not a count
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::counter<"flag", bool>>;
#else
using schema = tmx::schema<tmx::counter<"flag", int>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
