// SPDX-License-Identifier: BSL-1.0
#pragma once

namespace typed_metrics::detail {

// Conditions for a static_assert that must fire only when its template is
// instantiated: one for value arguments (names), one for types.
template <auto...>
inline constexpr bool always_false = false;

template <class...>
inline constexpr bool always_false_type = false;

}  // namespace typed_metrics::detail
