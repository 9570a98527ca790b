// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/error.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace typed_metrics::detail {

// A floating-point NaN compares neither below, above nor equal to anything:
// in a std::set, std::map or top_n it breaks the strict weak ordering they
// rely on (every later element compares equivalent to it and is dropped; in a
// ranking it holds its rank for good). So no NaN enters an ordered container.
// The test exists for floating-point types alone. (`x != x`, not std::isnan,
// which C++20 does not make constexpr: top_n's add runs in constant expressions.)
template <class T>
constexpr bool is_nan(T const& value) noexcept {
    if constexpr (std::is_floating_point_v<T>) {
        return value != value;
    } else {
        return false;
    }
}

// "Cannot <operation> <metric>: NaN has no order".
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_nan(char const* operation, std::string_view metric) {
    std::string message("Cannot ");
    message.append(operation).append(" ").append(metric).append(": NaN has no order");
    throw metrics_error(message);
}

// The `T` that an ordered metric's container stores, built from `value`;
// throws `metrics_error` if it is a NaN (tested after the conversion, so a
// float NaN bound for a double set is caught too). Returned by value: it
// initialises the container's argument as the `T{value}` it replaces did.
template <class T, class V>
[[gnu::always_inline]] constexpr T make_ordered(V&& value, char const* operation, std::string_view metric) {
    if constexpr (std::is_floating_point_v<T>) {
        T const converted{std::forward<V>(value)};
        if (is_nan(converted)) [[unlikely]]
            raise_nan(operation, metric);
        return converted;
    } else {
        return T{std::forward<V>(value)};
    }
}

}  // namespace typed_metrics::detail
