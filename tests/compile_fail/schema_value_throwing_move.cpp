// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: value<Name, T> requires a T whose move assignment is noexcept
// expect-sentence: typed_metrics: value<"v", throwing_move>: the move assignment of throwing_move may throw, and update(...) moves its new values in all or nothing; declare it noexcept
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::value<"v", throwing_move>>;
#else
using schema = tmx::schema<tmx::value<"v", int>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
