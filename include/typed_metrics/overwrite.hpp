// SPDX-License-Identifier: BSL-1.0
#pragma once

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

}  // namespace detail

}  // namespace typed_metrics
