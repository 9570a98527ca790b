// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <optional>
#include <utility>

namespace typed_metrics {

/// A reference to a recorded metric, or nothing when it was never recorded.
/// Behaves like `std::optional<T const&>` would: it never copies the metric.
template <class T>
class optional_ref {
public:
    constexpr optional_ref() noexcept = default;
    // __builtin_addressof is std::addressof without <memory>
    // (see docs/design.md, Compile-time rules).
    constexpr explicit optional_ref(T const& value) noexcept : value_{__builtin_addressof(value)} {}

    constexpr bool has_value() const noexcept { return value_ != nullptr; }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    /// The metric; undefined behaviour when empty, like `std::optional`.
    constexpr T const& operator*() const noexcept { return *value_; }
    constexpr T const* operator->() const noexcept { return value_; }

    /// The metric; throws `std::bad_optional_access` when empty.
    constexpr T const& value() const {
        if (!value_) throw std::bad_optional_access{};
        return *value_;
    }

    template <class U>
    constexpr T value_or(U&& fallback) const {
        return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
    }

private:
    T const* value_ = nullptr;
};

}  // namespace typed_metrics
