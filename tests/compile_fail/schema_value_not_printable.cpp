// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: value<Name, T> requires a T that is default-constructible, copyable, equality-comparable and printable with operator<<
// expect-sentence: typed_metrics: value<"where", opaque>: opaque is not printable; define operator<<(std::ostream&, const opaque&)
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::value<"where", opaque>>;
#else
using schema = tmx::schema<tmx::value<"where", int>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
