// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/call_site.hpp>

#include <type_traits>

namespace typed_metrics {

/// The tag that lets `set` and `update` replace a value recorded before. It
/// comes first, as `std::in_place` does: `set<"k">(tmx::overwrite, v)`,
/// `update(tmx::overwrite, tmx::arg<"k"> = v)`.
struct overwrite_t {
    explicit overwrite_t() = default;
};
inline constexpr overwrite_t overwrite{};

namespace detail {

// The parameter of the deprecated `set<Name>(value, tmx::overwrite)`. The
// deprecation sits on this conversion so that it warns once, at the caller's
// argument, where a pragma can silence it: a deprecated member template warns
// twice on clang, and a deprecated helper called inside warns in this library.
struct overwrite_after_value {
    [[deprecated("typed_metrics: write set<Name>(tmx::overwrite, value): the tag comes first")]] constexpr overwrite_after_value(
        overwrite_t) noexcept {}
};

// The parameter of `update(tmx::overwrite, ...)`, converted from the tag at
// the caller, so that it carries the caller's location: a parameter pack
// leaves no room for a defaulted `call_site` after it, but the tag comes
// before it.
struct located_overwrite {
    call_site where;
    constexpr located_overwrite(overwrite_t, call_site where = call_site::current()) noexcept : where{where} {}
};

// Whether a call's first argument is the overwrite tag: `update(args...)`
// leaves those calls to the overload that takes a `located_overwrite`.
template <class First = void, class...>
inline constexpr bool overwrite_first = std::is_same_v<std::remove_cvref_t<First>, overwrite_t>;

}  // namespace detail

}  // namespace typed_metrics
