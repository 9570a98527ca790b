// SPDX-License-Identifier: BSL-1.0
// How `to_json`, `json_lines_sink` and `json_schema` write numbers.
#pragma once

#include <limits>

namespace typed_metrics {

/// Options of the JSON export, given alike to `to_json(record, options)`,
/// `json_lines_sink(out, options)` and `json_schema<Schema>(options)`.
struct json_options {
    /// JavaScript's numbers, and so jq 1.6, round integers beyond 2^53 − 1
    /// (`Number.MAX_SAFE_INTEGER`) to a double: every `start_ns`, large
    /// unsigned counters. When true, such integers are written as JSON
    /// strings of their decimal digits (`"1795839816860665341"`), which those
    /// consumers keep exact (JavaScript's `BigInt(s)` reads one); integers
    /// within ±(2^53 − 1) stay numbers. `json_schema` takes the same option
    /// and then allows either form for integer types wider than 53 bits.
    bool large_integers_as_strings = false;
};

namespace detail {

inline constexpr long long max_safe_integer = (1LL << 53) - 1;

// Whether `value` is an integer that `large_integers_as_strings` writes as a string.
template <class T>
constexpr bool beyond_safe_integers(T value) noexcept {
    if constexpr (std::numeric_limits<T>::digits <= 53) {
        return false;
    } else if constexpr (std::numeric_limits<T>::is_signed) {
        return value > T{max_safe_integer} || value < -T{max_safe_integer};
    } else {
        return value > T{max_safe_integer};
    }
}

}  // namespace detail
}  // namespace typed_metrics
