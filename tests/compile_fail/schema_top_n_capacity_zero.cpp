// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: top_n_of<Name, K, V, N> requires a capacity N > 0
// expect-sentence: typed_metrics: top_n_of<"slowest", int, int, 0>: a ranking keeps N > 0 entries; give N >= 1
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::top_n_of<"slowest", int, int, 0>>;
#else
using schema = tmx::schema<tmx::top_n_of<"slowest", int, int, 1>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
