// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: counter<Name, std::chrono::duration<Rep, Period>> requires an arithmetic Rep other than bool and a Period of std::nano, std::micro, std::milli, seconds, minutes or hours
// expect-sentence: typed_metrics: counter<"frames", std::chrono::duration<long, std::ratio<1, 100>>>: a duration counter counts in an arithmetic type other than bool, in ns, us, ms, s, min or h; write counter<"frames", std::chrono::microseconds>
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include <chrono>
#include <cstdint>

namespace tmx = typed_metrics;

#ifdef TYPED_METRICS_PROBE
using schema = tmx::schema<tmx::counter<"frames", std::chrono::duration<std::int64_t, std::centi>>>;
#else
using schema = tmx::schema<tmx::counter<"frames", std::chrono::milliseconds>>;
#endif

int main() { return tmx::record<schema>{}.size() == 0 ? 0 : 1; }
