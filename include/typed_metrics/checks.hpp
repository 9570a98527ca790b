// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/arg.hpp>
#include <typed_metrics/detail/always_false.hpp>
#include <typed_metrics/detail/closest_name.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/metric.hpp>
#include <typed_metrics/schema.hpp>

#include <type_traits>
#include <utility>

namespace typed_metrics {

/// Satisfied when `From` converts to `To` by list-initialisation, which
/// rejects narrowing (`double` into an integer, a signed into an unsigned
/// integer, an integer into a `double`, a pointer into `bool`).
template <class From, class To>
concept converts_without_narrowing = requires(From&& from) { To{std::forward<From>(from)}; };

/// Satisfied when `Schema` declares `Name` as a metric of kind `Kind`.
template <class Schema, fixed_string Name, metric_kind Kind>
concept declared_as = declared_metric<Schema, Name> && (metric_t<Schema, Name>::kind == Kind);

// What each operation accepts, for generic code that asks before it calls.

template <class Schema, fixed_string Name, class V>
concept can_increment = declared_as<Schema, Name, metric_kind::counter> &&
                        converts_without_narrowing<V, typename metric_t<Schema, Name>::value_type>;

template <class Schema, fixed_string Name, class V>
concept can_set = declared_as<Schema, Name, metric_kind::value> &&
                  converts_without_narrowing<V, typename metric_t<Schema, Name>::value_type>;

template <class Schema, fixed_string Name, class V>
concept can_add_to_set = declared_as<Schema, Name, metric_kind::set> &&
                         converts_without_narrowing<V, typename metric_t<Schema, Name>::value_type>;

template <class Schema, fixed_string Name, class K, class V>
concept can_set_key_value = declared_as<Schema, Name, metric_kind::map> &&
                            converts_without_narrowing<K, typename metric_t<Schema, Name>::key_type> &&
                            converts_without_narrowing<V, typename metric_t<Schema, Name>::value_type>;

template <class Schema, fixed_string Name, class K, class V>
concept can_add_top_n = declared_as<Schema, Name, metric_kind::top_n> &&
                        converts_without_narrowing<K, typename metric_t<Schema, Name>::key_type> &&
                        converts_without_narrowing<V, typename metric_t<Schema, Name>::value_type>;

namespace detail {

// The checks run at each public entry point. Each returns true when the call
// is valid; otherwise exactly one static_assert fails and it returns false,
// so that the caller's `if constexpr` instantiates nothing more and the user
// reads one error. The report functions carry the offending names and types
// as template arguments, which both compilers print beside the message.

template <fixed_string Name, fixed_string DidYouMean>
consteval bool report_unknown_metric() {
    static_assert(always_false<Name, DidYouMean>,
                  "typed_metrics: no metric called Name in the schema; did you mean DidYouMean?");
    return false;
}

template <fixed_string Name>
consteval bool report_unknown_metric_in_empty_schema() {
    static_assert(always_false<Name>, "typed_metrics: no metric called Name: the schema is empty");
    return false;
}

template <class Schema, fixed_string Name>
consteval bool check_declared() {
    if constexpr (declared_metric<Schema, Name>) {
        return true;
    } else if constexpr (Schema::size == 0) {
        return report_unknown_metric_in_empty_schema<Name>();
    } else {
        constexpr std::size_t closest = closest_name(Name.view(), Schema::names);
        return report_unknown_metric<Name, Schema::template metric_at<closest>::name>();
    }
}

template <class Metric>
consteval bool report_increment_needs_counter() {
    static_assert(always_false_type<Metric>, "typed_metrics: increment<Name>() requires a counter metric");
    return false;
}
template <class Metric>
consteval bool report_set_needs_value() {
    static_assert(always_false_type<Metric>,
                  "typed_metrics: set<Name>(), update(arg<Name> = v) and extras require a value metric");
    return false;
}
template <class Metric>
consteval bool report_add_to_set_needs_set() {
    static_assert(always_false_type<Metric>, "typed_metrics: add_to_set<Name>() requires a set_of metric");
    return false;
}
template <class Metric>
consteval bool report_set_key_value_needs_map() {
    static_assert(always_false_type<Metric>, "typed_metrics: set_key_value<Name>() requires a map_of metric");
    return false;
}
template <class Metric>
consteval bool report_add_top_n_needs_top_n() {
    static_assert(always_false_type<Metric>, "typed_metrics: add_top_n<Name>() requires a top_n_of metric");
    return false;
}

template <class Metric, class Given>
consteval bool report_narrowing_value() {
    static_assert(always_false_type<Metric, Given>,
                  "typed_metrics: the value requires a type that converts to the metric's value_type without narrowing");
    return false;
}
template <class Metric, class Given>
consteval bool report_narrowing_key() {
    static_assert(always_false_type<Metric, Given>,
                  "typed_metrics: the key requires a type that converts to the metric's key_type without narrowing");
    return false;
}

template <class Metric, class V>
consteval bool check_value_type() {
    if constexpr (converts_without_narrowing<V, typename Metric::value_type>) {
        return true;
    } else {
        return report_narrowing_value<Metric, V>();
    }
}

template <class Metric, class K, class V>
consteval bool check_key_and_value_types() {
    if constexpr (!converts_without_narrowing<K, typename Metric::key_type>) {
        return report_narrowing_key<Metric, K>();
    } else {
        return check_value_type<Metric, V>();
    }
}

template <class Schema, fixed_string Name, class V>
consteval bool check_increment() {
    if constexpr (!check_declared<Schema, Name>()) {
        return false;
    } else if constexpr (metric_t<Schema, Name>::kind != metric_kind::counter) {
        return report_increment_needs_counter<metric_t<Schema, Name>>();
    } else {
        return check_value_type<metric_t<Schema, Name>, V>();
    }
}

template <class Schema, fixed_string Name, class V>
consteval bool check_set() {
    if constexpr (!check_declared<Schema, Name>()) {
        return false;
    } else if constexpr (metric_t<Schema, Name>::kind != metric_kind::value) {
        return report_set_needs_value<metric_t<Schema, Name>>();
    } else {
        return check_value_type<metric_t<Schema, Name>, V>();
    }
}

template <class Schema, fixed_string Name, class V>
consteval bool check_add_to_set() {
    if constexpr (!check_declared<Schema, Name>()) {
        return false;
    } else if constexpr (metric_t<Schema, Name>::kind != metric_kind::set) {
        return report_add_to_set_needs_set<metric_t<Schema, Name>>();
    } else {
        return check_value_type<metric_t<Schema, Name>, V>();
    }
}

template <class Schema, fixed_string Name, class K, class V>
consteval bool check_set_key_value() {
    if constexpr (!check_declared<Schema, Name>()) {
        return false;
    } else if constexpr (metric_t<Schema, Name>::kind != metric_kind::map) {
        return report_set_key_value_needs_map<metric_t<Schema, Name>>();
    } else {
        return check_key_and_value_types<metric_t<Schema, Name>, K, V>();
    }
}

template <class Schema, fixed_string Name, class K, class V>
consteval bool check_add_top_n() {
    if constexpr (!check_declared<Schema, Name>()) {
        return false;
    } else if constexpr (metric_t<Schema, Name>::kind != metric_kind::top_n) {
        return report_add_top_n_needs_top_n<metric_t<Schema, Name>>();
    } else {
        return check_key_and_value_types<metric_t<Schema, Name>, K, V>();
    }
}

template <class Arg>
using arg_value_t = decltype(std::declval<Arg>().value);

template <fixed_string Name>
consteval bool report_repeated_argument() {
    static_assert(always_false<Name>, "typed_metrics: update(...) requires distinct metric names; Name is given twice");
    return false;
}

template <class Arg, fixed_string Name>
consteval bool is_argument_called() {
    if constexpr (named_argument<Arg>) {
        return std::remove_cvref_t<Arg>::name == Name;
    } else {
        return false;
    }
}

template <fixed_string Name, class... Rest>
consteval bool check_not_repeated() {
    if constexpr ((is_argument_called<Rest, Name>() || ...)) {
        return report_repeated_argument<Name>();
    } else {
        return true;
    }
}

template <class Given>
consteval bool report_not_a_named_argument() {
    static_assert(always_false_type<Given>,
                  "typed_metrics: update(...) requires each argument written as tmx::arg<Name> = value");
    return false;
}

template <class Schema, class... Args>
consteval bool check_named_values();

// `update(arg<"a"> = 1, arg<"b"> = 2)`: each argument is checked as `set`
// would be, in order, stopping at the first failure.
template <class Schema, class First, class... Rest>
consteval bool check_named_value_list() {
    using first = std::remove_cvref_t<First>;
    if constexpr (!named_argument<First>) {
        return report_not_a_named_argument<first>();
    } else if constexpr (!check_set<Schema, first::name, arg_value_t<First>>()) {
        return false;
    } else if constexpr (!check_not_repeated<first::name, Rest...>()) {
        return false;
    } else {
        return check_named_values<Schema, Rest...>();
    }
}

template <class Schema, class... Args>
consteval bool check_named_values() {
    if constexpr (sizeof...(Args) == 0) {
        return true;
    } else {
        return check_named_value_list<Schema, Args...>();
    }
}

}  // namespace detail
}  // namespace typed_metrics
