// SPDX-License-Identifier: BSL-1.0
#pragma once

namespace typed_metrics::detail {

// The condition of a static_assert that must fire only when its template is
// instantiated. Its arguments are what the diagnostic should show: both
// compilers print a failed variable template's arguments beside the message
// (g++ in a note, clang in the error line).
template <class...>
inline constexpr bool always_false = false;

}  // namespace typed_metrics::detail
