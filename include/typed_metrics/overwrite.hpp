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

}  // namespace typed_metrics
