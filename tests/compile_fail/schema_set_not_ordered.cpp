// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: set_of<Name, T> requires a T that is default-constructible, copyable, ordered by operator< and printable with operator<<
// expect-sentence: typed_metrics: set_of<"places", unordered>: unordered is not ordered; define operator<
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::set_of<"places", unordered>>;
#else
using schema = tmx::schema<tmx::set_of<"places", int>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
