// SPDX-License-Identifier: BSL-1.0
// The schema and context every compile-fail probe uses.
#pragma once

#include <typed_metrics/typed_metrics.hpp>

#include <cstdint>
#include <string>

namespace tmx = typed_metrics;

using probe_schema = tmx::schema<tmx::counter<"graph_breaks">,
                                 tmx::counter<"cache_bytes", std::uint64_t>,
                                 tmx::value<"backend", std::string>,
                                 tmx::value<"compile_ms", double>,
                                 tmx::set_of<"guards", std::string>,
                                 tmx::map_of<"feature_usage", std::string, bool>,
                                 tmx::top_n_of<"slowest_ops", std::string, std::int64_t, 3>>;

inline tmx::metrics_context<probe_schema> probe_context{[](tmx::exit_info<probe_schema> const&) {}};
