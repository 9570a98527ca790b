// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: a metric requires number types that every export writes exactly: a standard integer type, float or double, not long double, __int128 or another extended type
// expect-sentence: typed_metrics: value<"big", __int128>: __int128 is a number that not every export writes exactly; use a standard integer type, float or double
// also-std: gnu++20
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "exported_record.hpp"

#include <cstdint>

namespace tmx = typed_metrics;
__extension__ typedef __int128 int128;  // __extension__: -Wpedantic warns of the type otherwise

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::value<"big", int128>>;
#else
using schema = tmx::schema<tmx::value<"big", std::int64_t>>;
#endif

int main() { return print_and_export(tmx::record<schema>{}); }
