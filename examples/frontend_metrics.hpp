// SPDX-License-Identifier: BSL-1.0
// The front end's part of the compile record, in the front end's own header.
#pragma once

#include <typed_metrics/typed_metrics.hpp>

#include <string>

namespace tmx = typed_metrics;

// clang-format off: one metric per line
//! [part]
struct frontend_metrics : tmx::schema<
    tmx::value<"unit", std::string>,
    tmx::counter<"tokens">,
    tmx::set_of<"guards", std::string>> {};
//! [part]
// clang-format on
