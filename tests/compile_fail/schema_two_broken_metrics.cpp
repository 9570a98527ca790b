// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: counter<Name, T> requires an arithmetic T other than bool
// expect-sentence: typed_metrics: counter<"flag", bool>: a counter counts in an arithmetic type other than bool; write counter<"flag"> (std::int64_t), or value<"flag", bool> for what is not a count
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

namespace tmx = typed_metrics;

// Two metrics break rules: only the first is reported (one error, not one per
// broken metric); the second shows once the first is fixed.
#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::counter<"ok">, tmx::counter<"flag", bool>, tmx::counter<"9lives">>;
#else
using schema = tmx::schema<tmx::counter<"ok">, tmx::counter<"flag">, tmx::counter<"lives">>;
#endif

int main() { return tmx::record<schema>{}.size() == 3 ? 0 : 1; }
