// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: counter<Name, T> requires an arithmetic T other than bool
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::counter<"count", std::string>>;
#else
using schema = tmx::schema<tmx::counter<"count", long>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
