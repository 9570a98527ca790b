// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: top_n_of<Name, K, V, N> requires a K and a V that are default-constructible, copyable, ordered by operator< and printable with operator<<
// expect-sentence: typed_metrics: top_n_of<"slowest", unordered, int, 3>: unordered is not ordered; define operator<
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::top_n_of<"slowest", unordered, int, 3>>;
#else
using schema = tmx::schema<tmx::top_n_of<"slowest", int, int, 3>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
