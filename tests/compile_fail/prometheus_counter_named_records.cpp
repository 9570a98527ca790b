// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: prometheus_aggregator<Schema> requires no counter named 'records'
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain
#include <typed_metrics/prometheus.hpp>

#include "unusual_types.hpp"

#ifdef TYPED_METRICS_PROBE
struct service_metrics : tmx::schema<tmx::counter<"records">, tmx::value<"unit", int>> {};
#else
struct service_metrics : tmx::schema<tmx::counter<"rows">, tmx::value<"unit", int>> {};
#endif

int main() {
    tmx::prometheus_aggregator<service_metrics> totals;
    return totals.render().empty() ? 1 : 0;
}
