// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/fixed_string.hpp>

#include <type_traits>
#include <utility>

namespace typed_metrics {

/// A metric name paired with the value to record: what `tmx::arg<"k"> = v`
/// makes. It refers to `v` like `std::forward_as_tuple` does, so it is meant
/// to be built inside the call that consumes it.
template <fixed_string Name, class V>
struct named_arg {
    static constexpr auto name = Name;
    V&& value;

    /// The value with the value category it was given with.
    constexpr V&& forward() const noexcept { return std::forward<V>(value); }
};

/// `tmx::arg<"compile_ms"> = 3.5` names an argument of `update`,
/// `update_outer` and the runtime context's extras.
template <fixed_string Name>
struct arg_t {
    template <class V>
    constexpr named_arg<Name, V> operator=(V&& value) const noexcept {
        return {std::forward<V>(value)};
    }
};

template <fixed_string Name>
inline constexpr arg_t<Name> arg{};

namespace detail {
template <class A>
inline constexpr bool is_named_arg = false;
template <fixed_string Name, class V>
inline constexpr bool is_named_arg<named_arg<Name, V>> = true;
}  // namespace detail

/// Satisfied by what `tmx::arg<"k"> = v` returns.
template <class A>
concept named_argument = detail::is_named_arg<std::remove_cvref_t<A>>;

}  // namespace typed_metrics
