// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: schema<...> requires distinct metric names; Name is declared twice
#include <typed_metrics/typed_metrics.hpp>

namespace tmx = typed_metrics;

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::counter<"a">, tmx::value<"b", int>, tmx::value<"a", int>>;
#else
using schema = tmx::schema<tmx::counter<"a">, tmx::value<"b", int>, tmx::value<"c", int>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
