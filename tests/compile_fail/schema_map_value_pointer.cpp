// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: a metric requires types that own their data, not views or pointers (a record outlives the call that wrote it): std::string for text, an owning type for the rest
// expect-sentence: typed_metrics: map_of<"kv", std::string, double*>: double* does not own its data, and a record outlives the call that wrote it; use std::string for text, an owning type for the rest
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "exported_record.hpp"

#include <string>

namespace tmx = typed_metrics;

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::map_of<"kv", std::string, double*>>;
#else
using schema = tmx::schema<tmx::map_of<"kv", std::string, double>>;
#endif

int main() { return print_and_export(tmx::record<schema>{}); }
