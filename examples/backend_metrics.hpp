// SPDX-License-Identifier: BSL-1.0
// The back end's part of the compile record, in the back end's own header.
#pragma once

#include <typed_metrics/typed_metrics.hpp>

#include <cstdint>
#include <string>

namespace tmx = typed_metrics;

// clang-format off: one metric per line
struct backend_metrics : tmx::schema<
    tmx::value<"backend", std::string>,
    tmx::counter<"code_bytes", std::uint64_t>,
    tmx::top_n_of<"slowest_passes", std::string, std::int64_t, 3>> {};
// clang-format on
