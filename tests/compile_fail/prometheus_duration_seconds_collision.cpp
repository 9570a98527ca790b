// SPDX-License-Identifier: BSL-1.0
// A duration counter "compile" is exposed in seconds as
// <prefix>_compile_seconds_total, the name of a plain counter "compile_seconds".
// expect: typed_metrics: prometheus_aggregator<Schema> requires no counter 'x_seconds' beside a duration counter 'x'
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain
#include <typed_metrics/prometheus.hpp>

#include <chrono>

namespace tmx = typed_metrics;

#ifdef TYPED_METRICS_PROBE
struct service_metrics : tmx::schema<tmx::counter<"compile", std::chrono::microseconds>, tmx::counter<"compile_seconds">> {};
#else
// A duration counter named "records" collides with nothing: it is records_seconds_total.
struct service_metrics : tmx::schema<tmx::counter<"compile", std::chrono::microseconds>, tmx::counter<"compile_sec">, tmx::counter<"records", std::chrono::microseconds>> {};
#endif

int main() {
    tmx::prometheus_aggregator<service_metrics> totals;
    return totals.render().empty() ? 1 : 0;
}
