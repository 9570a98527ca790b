// SPDX-License-Identifier: BSL-1.0
// The schema and context of the duration counters' and timers' probes.
#pragma once

// The library first, as in probe_schema.hpp.
#include <typed_metrics/typed_metrics.hpp>

#include <chrono>

namespace tmx = typed_metrics;

using timed_schema = tmx::schema<tmx::counter<"backend_compile", std::chrono::microseconds>,
                                 tmx::counter<"graph_breaks">, tmx::value<"backend", std::string>>;

inline tmx::metrics_context<timed_schema> timed_context{[](tmx::exit_info<timed_schema> const&) {}};
