// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: top_n_of<Name, K, V, N> requires a capacity N <= tmx::max_top_n_capacity (4096)
// expect-sentence: typed_metrics: top_n_of<"big", std::string, std::int64_t, 100000>: N is above tmx::max_top_n_capacity; give N <= 4096
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include <cstdint>
#include <string>

namespace tmx = typed_metrics;

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::top_n_of<"big", std::string, std::int64_t, 100000>>;
#else
using schema = tmx::schema<tmx::top_n_of<"big", std::string, std::int64_t, tmx::max_top_n_capacity>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
