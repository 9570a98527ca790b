// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <type_traits>

namespace typed_metrics {

/// The default mode of a context: operations record.
struct enabled {};

/// A context mode under which every operation compiles to nothing (no state,
/// no clock, no `on_exit`), while every compile-time check still runs:
/// `tmx::metrics_context<Schema, tmx::disabled>`.
struct disabled {};

/// Satisfied by `enabled` and `disabled`.
template <class Mode>
concept context_mode = std::is_same_v<Mode, enabled> || std::is_same_v<Mode, disabled>;

}  // namespace typed_metrics
