// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: schema<...> requires a record of at most tmx::max_record_bytes (1 MiB) of fields, so that a copy of it fits on a thread's stack
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include <string>

namespace tmx = typed_metrics;

// Each ranking is allowed, and three of them, but four are over the limit.
using ranking = tmx::top_n<std::string, std::string, tmx::max_top_n_capacity>;
static_assert(3 * sizeof(ranking) < tmx::max_record_bytes && 4 * sizeof(ranking) > tmx::max_record_bytes);

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::top_n_of<"a", std::string, std::string, tmx::max_top_n_capacity>,
                           tmx::top_n_of<"b", std::string, std::string, tmx::max_top_n_capacity>,
                           tmx::top_n_of<"c", std::string, std::string, tmx::max_top_n_capacity>,
                           tmx::top_n_of<"d", std::string, std::string, tmx::max_top_n_capacity>>;
#else
using schema = tmx::schema<tmx::top_n_of<"a", std::string, std::string, tmx::max_top_n_capacity>,
                           tmx::top_n_of<"b", std::string, std::string, tmx::max_top_n_capacity>,
                           tmx::top_n_of<"c", std::string, std::string, tmx::max_top_n_capacity>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
