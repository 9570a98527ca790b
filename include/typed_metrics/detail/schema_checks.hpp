// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/always_false.hpp>
#include <typed_metrics/detail/slots.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/metric.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace typed_metrics::detail {

// True when exactly one field of `Storage` is called `Name`: none fails
// deduction, two make it ambiguous.
template <class Storage, fixed_string Name>
concept finds_one = requires(Storage& fields) { detail::slot_of<Name>(fields); };

// Names become JSON keys, column names and Prometheus metric names: an
// identifier (`[A-Za-z_][A-Za-z0-9_]*`) is valid in all of them unquoted.
constexpr bool is_identifier(std::string_view name) noexcept {
    auto const letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    auto const digit = [](char c) { return c >= '0' && c <= '9'; };
    if (name.empty() || !letter(name.front())) return false;
    return std::all_of(name.begin() + 1, name.end(), [&](char c) { return letter(c) || digit(c); });
}

template <fixed_string Name>
consteval bool report_invalid_name() {
    static_assert(always_false<Name>,
                  "typed_metrics: a metric name requires an identifier: a letter or '_', then letters, digits or '_'");
    return false;
}
template <class Metric>
consteval bool report_counter_type() {
    static_assert(always_false_type<Metric>, "typed_metrics: counter<Name, T> requires an arithmetic T other than bool");
    return false;
}
template <class Metric>
consteval bool report_value_move() {
    // `update` builds every new value, then moves them in: all or nothing
    // holds only if those moves cannot fail.
    static_assert(always_false_type<Metric>,
                  "typed_metrics: value<Name, T> requires a T whose move assignment is noexcept");
    return false;
}
template <class Metric>
consteval bool report_top_n_capacity() {
    static_assert(always_false_type<Metric>, "typed_metrics: top_n_of<Name, K, V, N> requires a capacity N > 0");
    return false;
}

// One tag's rules; reports the first one broken.
template <class Metric>
consteval bool check_metric() {
    if constexpr (!is_identifier(Metric::name.view())) {
        return report_invalid_name<Metric::name>();
    } else if constexpr (Metric::kind == metric_kind::counter) {
        using T = typename Metric::value_type;
        if constexpr (!std::is_arithmetic_v<T> || std::is_same_v<T, bool>) return report_counter_type<Metric>();
        return true;
    } else if constexpr (Metric::kind == metric_kind::value) {
        if constexpr (!std::is_nothrow_move_assignable_v<typename Metric::value_type>) {
            return report_value_move<Metric>();
        }
        return true;
    } else if constexpr (Metric::kind == metric_kind::top_n) {
        if constexpr (Metric::capacity == 0) return report_top_n_capacity<Metric>();
        return true;
    } else {
        return true;
    }
}

template <fixed_string Name>
consteval bool report_duplicate_name() {
    static_assert(always_false<Name>, "typed_metrics: schema<...> requires distinct metric names; Name is declared twice");
    return false;
}

template <class Storage, class... Metrics>
consteval bool check_distinct_names() {
    constexpr std::array<bool, sizeof...(Metrics)> unique{finds_one<Storage, Metrics::name>...};
    constexpr auto first_duplicate =
        static_cast<std::size_t>(std::find(unique.begin(), unique.end(), false) - unique.begin());
    if constexpr (first_duplicate == sizeof...(Metrics)) {
        return true;
    } else {
        return report_duplicate_name<std::tuple_element_t<first_duplicate, std::tuple<Metrics...>>::name>();
    }
}

// Every tag's rules, then distinct names; one diagnostic per broken rule.
// Returns true even then, so that the schema's own static_assert adds no
// second error to the reported one.
template <class Storage, class... Metrics>
consteval bool check_schema() {
    if constexpr ((check_metric<Metrics>() && ...)) {
        check_distinct_names<Storage, Metrics...>();
    }
    return true;
}

}  // namespace typed_metrics::detail
