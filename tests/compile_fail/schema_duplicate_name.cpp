// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: schema<...> requires distinct metric names; this one is declared twice
// expect-sentence: typed_metrics: schema<...>: "a" is declared twice; rename one of them or declare it once
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::counter<"a">, tmx::value<"b", int>, tmx::value<"a", int>>;
#else
using schema = tmx::schema<tmx::counter<"a">, tmx::value<"b", int>, tmx::value<"c", int>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
