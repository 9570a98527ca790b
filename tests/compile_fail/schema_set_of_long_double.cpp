// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: a metric requires number types that every export writes exactly: a standard integer type, float or double, not long double, __int128 or another extended type
// expect-sentence: typed_metrics: set_of<"ratios", long double>: long double is a number that not every export writes exactly; use a standard integer type, float or double
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "exported_record.hpp"

namespace tmx = typed_metrics;

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::set_of<"ratios", long double>>;
#else
using schema = tmx::schema<tmx::set_of<"ratios", double>>;
#endif

int main() { return print_and_export(tmx::record<schema>{}); }
