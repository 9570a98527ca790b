// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: a std::chrono::duration is a metric's type only in a counter (counter<Name, std::chrono::microseconds>), the kind whose exports write its unit
// expect-sentence: typed_metrics: value<"timeout", std::chrono::seconds>: a std::chrono::duration is a metric's type only in a counter, whose exports write its unit; write counter<"timeout", std::chrono::seconds>
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include <chrono>

namespace tmx = typed_metrics;

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::value<"timeout", std::chrono::seconds>>;
#else
using schema = tmx::schema<tmx::counter<"timeout", std::chrono::seconds>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
