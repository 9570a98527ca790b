// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

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
concept count_converts_without_narrowing = requires(From count) { To{count}; };

// Into an integer count, the count must also convert as a plain counter
// takes it, without narrowing: std::chrono alone turns `milliseconds` into a
// `duration<int, std::milli>` or a `duration<unsigned, std::milli>` (wrapping
// a large or negative count).
template <class From, class To>
concept converts_without_loss =
    chrono_duration<std::remove_cvref_t<From>> && std::is_convertible_v<From, To> &&
    (std::is_floating_point_v<typename To::rep> ||
     count_converts_without_narrowing<typename std::remove_cvref_t<From>::rep, typename To::rep>);

// `from` in the unit of the integer `Duration`, false when the count does
// not fit its type: std::chrono's own conversion multiplies without a check
// (`hours{3'000'000'000'000}` into microseconds overflows).
template <class Duration, class From>
bool to_integer_duration(From const& from, Duration& out) noexcept {
    // An implicit conversion into an integer count is exact: from a coarser
    // or equal unit, by a whole factor.
    constexpr std::intmax_t factor =
        (From::period::num * Duration::period::den) / (From::period::den * Duration::period::num);
    typename Duration::rep count{};
    if (__builtin_mul_overflow(from.count(), factor, &count)) return false;
    out = Duration{count};
    return true;
}

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
        // Not std::in_range, which refuses the character types a count may
        // be. The count is not negative, so only the maximum bounds it, and
        // only a type narrower than std::int64_t needs the test.
        std::int64_t const count = elapsed_ns / per_unit;
        constexpr auto max = static_cast<std::uintmax_t>(std::numeric_limits<rep>::max());
        if constexpr (max < static_cast<std::uintmax_t>(std::numeric_limits<std::int64_t>::max())) {
            if (count > static_cast<std::int64_t>(max)) return false;
        }
        out = Duration{static_cast<rep>(count)};
        return true;
    }
}

}  // namespace typed_metrics::detail
