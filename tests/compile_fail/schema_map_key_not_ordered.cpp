// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: map_of<Name, K, V> requires a K ordered by operator< and a V that is default-constructible, copyable and equality-comparable, both printable with operator<<
// expect-sentence: typed_metrics: map_of<"where", unordered, int>: unordered is not ordered; define operator<
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::map_of<"where", unordered, int>>;
#else
using schema = tmx::schema<tmx::map_of<"where", int, unordered>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
