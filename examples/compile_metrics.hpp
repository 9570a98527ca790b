// SPDX-License-Identifier: BSL-1.0
// The schema of the demo compiler, declared once in a header that every
// translation unit of the compiler includes.
#pragma once

#include <typed_metrics/typed_metrics.hpp>

#include <chrono>
#include <cstdint>
#include <string>

namespace tmx = typed_metrics;

// clang-format off: one metric per line
//! [schema]
struct compile_schema : tmx::schema<
    tmx::value<"unit", std::string>,                                  // which source was compiled
    tmx::value<"backend", std::string>,                               // set once per compilation
    tmx::counter<"tokens">,                                           // std::int64_t by default
    tmx::counter<"graph_breaks">,
    tmx::counter<"code_bytes", std::uint64_t>,
    tmx::value<"optimized", bool>,
    tmx::set_of<"guards", std::string>,                               // duplicates collapse
    tmx::map_of<"feature_usage", std::string, bool>,                  // last write per key wins
    tmx::top_n_of<"slowest_passes", std::string, std::int64_t, 3>,      // the 3 costliest passes
    tmx::counter<"parse_time", std::chrono::microseconds>,            // a duration, in its unit
    tmx::counter<"optimize_time", std::chrono::microseconds>,
    tmx::counter<"codegen_time", std::chrono::microseconds>,
    tmx::counter<"pass_time", std::chrono::microseconds>> {};         // the optimizer's passes
//! [schema]
// clang-format on
