// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

namespace typed_metrics::detail {

// A `std::chrono::duration`, told by its members: naming the template would
// need <chrono>, which every recording file would pay for (docs/design.md,
// Compile-time rules). A file that declares a duration counter includes
// <chrono> itself.
template <class T>
concept chrono_duration = requires(T const& d) {
    typename T::rep;
    typename T::period;
    { T::period::num } -> std::convertible_to<std::intmax_t>;
    { T::period::den } -> std::convertible_to<std::intmax_t>;
    { d.count() } -> std::same_as<typename T::rep>;
};

// An increment of a duration counter: a duration that converts to the
// counter's by std::chrono's own implicit conversion (exact: to a finer or
// equal integer unit, or to a floating-point count), never a bare number,
// which has no unit.
template <class From, class To>
concept converts_without_loss = chrono_duration<std::remove_cvref_t<From>> && std::is_convertible_v<From, To>;

// The symbol printing writes after a duration's count, and the JSON Schema's
// "unit": empty for a period the schema refuses.
template <class Period>
constexpr std::string_view unit_symbol() noexcept {
    constexpr std::intmax_t num = Period::num;
    constexpr std::intmax_t den = Period::den;
    if constexpr (num == 1 && den == 1'000'000'000) return "ns";
    if constexpr (num == 1 && den == 1'000'000) return "us";
    if constexpr (num == 1 && den == 1'000) return "ms";
    if constexpr (num == 1 && den == 1) return "s";
    if constexpr (num == 60 && den == 1) return "min";
    if constexpr (num == 3600 && den == 1) return "h";
    return "";
}

// Nanoseconds in one unit of `Period`, for the units `unit_symbol` names.
template <class Period>
inline constexpr std::int64_t nanoseconds_per_unit = Period::num * (1'000'000'000 / Period::den);

// `elapsed_ns` (not negative) as a `Duration`, truncated to its unit as
// `std::chrono::duration_cast` truncates; false when the count does not fit
// its integer type.
template <class Duration>
bool duration_from_ns(std::int64_t elapsed_ns, Duration& out) noexcept {
    using rep = typename Duration::rep;
    constexpr std::int64_t per_unit = nanoseconds_per_unit<typename Duration::period>;
    if constexpr (std::is_floating_point_v<rep>) {
        out = Duration{static_cast<rep>(elapsed_ns) / static_cast<rep>(per_unit)};
        return true;
    } else {
        std::int64_t const count = elapsed_ns / per_unit;
        if (!std::in_range<rep>(count)) return false;
        out = Duration{static_cast<rep>(count)};
        return true;
    }
}

}  // namespace typed_metrics::detail
