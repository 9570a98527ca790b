// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/arg.hpp>
#include <typed_metrics/detail/always_false.hpp>
#include <typed_metrics/detail/spelling.hpp>
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
// Each concept holds exactly when the operation compiles.

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

template <class Arg>
using arg_value_t = decltype(std::declval<Arg>().value);

template <class Arg, fixed_string Name>
consteval bool is_argument_called() {
    if constexpr (named_argument<Arg>) {
        return std::remove_cvref_t<Arg>::name == Name;
    } else {
        return false;
    }
}

template <class... Args>
consteval bool distinct_argument_names() {
    if constexpr (sizeof...(Args) == 0) {
        return true;
    } else {
        return []<class First, class... Rest>(std::type_identity<First>, std::type_identity<Rest>...) {
            if constexpr (!named_argument<First>) {
                return distinct_argument_names<Rest...>();
            } else {
                return !(is_argument_called<Rest, std::remove_cvref_t<First>::name>() || ...) &&
                       distinct_argument_names<Rest...>();
            }
        }(std::type_identity<Args>{}...);
    }
}

template <class Schema, class Arg>
consteval bool can_set_argument() {
    if constexpr (named_argument<Arg>) {
        return can_set<Schema, std::remove_cvref_t<Arg>::name, arg_value_t<Arg>>;
    } else {
        return false;
    }
}

}  // namespace detail

/// Satisfied when `update(args...)` (and `update_outer`, and the runtime
/// context's extras) compiles: every argument is `tmx::arg<"k"> = v` for a
/// value metric `k` that `v` converts to without narrowing, names distinct.
template <class Schema, class... Args>
concept can_update = (detail::can_set_argument<Schema, Args>() && ...) && detail::distinct_argument_names<Args...>();

namespace detail {

// The tag `Name` names, once the checks below know it is declared: the
// unconstrained lookup, so no constraint is checked again.
template <class Schema, fixed_string Name>
using declared_t = typename slot_t<typename Schema::storage, Name>::metric;

// The checks run at each public entry point. Each returns true when the call
// is valid; otherwise exactly one static_assert fails and it returns false,
// so that the caller's `if constexpr` instantiates nothing more and the user
// reads one error. Each static_assert's condition names the offending metric
// and types (`metric_named<'b', 'a', ...>`, `did_you_mean<...>`), which both
// compilers print beside the message (docs/errors.md shows the output).

template <class Schema, fixed_string Name, class V>
consteval bool check_increment() {
    if constexpr (!declared_metric<Schema, Name>) {
        static_assert(always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>, "typed_metrics: increment<Name>() requires a metric declared in the schema; did you mean did_you_mean<...>?");
        return false;
    } else if constexpr (declared_t<Schema, Name>::kind != metric_kind::counter) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>, "typed_metrics: increment<Name>() requires a counter metric");
        return false;
    } else if constexpr (!converts_without_narrowing<V, typename declared_t<Schema, Name>::value_type>) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, V>, "typed_metrics: increment<Name>(v) requires a v that converts to the counter's type without narrowing");
        return false;
    } else {
        return true;
    }
}

template <class Schema, fixed_string Name, class V>
consteval bool check_set() {
    if constexpr (!declared_metric<Schema, Name>) {
        static_assert(always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>, "typed_metrics: set<Name>() requires a metric declared in the schema; did you mean did_you_mean<...>?");
        return false;
    } else if constexpr (declared_t<Schema, Name>::kind != metric_kind::value) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>, "typed_metrics: set<Name>() requires a value metric");
        return false;
    } else if constexpr (!converts_without_narrowing<V, typename declared_t<Schema, Name>::value_type>) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, V>, "typed_metrics: set<Name>(v) requires a v that converts to the value's type without narrowing");
        return false;
    } else {
        return true;
    }
}

template <class Schema, fixed_string Name, class V>
consteval bool check_add_to_set() {
    if constexpr (!declared_metric<Schema, Name>) {
        static_assert(always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>, "typed_metrics: add_to_set<Name>() requires a metric declared in the schema; did you mean did_you_mean<...>?");
        return false;
    } else if constexpr (declared_t<Schema, Name>::kind != metric_kind::set) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>, "typed_metrics: add_to_set<Name>() requires a set_of metric");
        return false;
    } else if constexpr (!converts_without_narrowing<V, typename declared_t<Schema, Name>::value_type>) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, V>, "typed_metrics: add_to_set<Name>(e) requires an e that converts to the set's element type without narrowing");
        return false;
    } else {
        return true;
    }
}

template <class Schema, fixed_string Name, class K, class V>
consteval bool check_set_key_value() {
    if constexpr (!declared_metric<Schema, Name>) {
        static_assert(always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>, "typed_metrics: set_key_value<Name>() requires a metric declared in the schema; did you mean did_you_mean<...>?");
        return false;
    } else if constexpr (declared_t<Schema, Name>::kind != metric_kind::map) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>, "typed_metrics: set_key_value<Name>() requires a map_of metric");
        return false;
    } else if constexpr (!converts_without_narrowing<K, typename declared_t<Schema, Name>::key_type>) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, K>, "typed_metrics: set_key_value<Name>(k, v) requires a k that converts to the map's key type without narrowing");
        return false;
    } else if constexpr (!converts_without_narrowing<V, typename declared_t<Schema, Name>::value_type>) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, V>, "typed_metrics: set_key_value<Name>(k, v) requires a v that converts to the map's value type without narrowing");
        return false;
    } else {
        return true;
    }
}

template <class Schema, fixed_string Name, class K, class V>
consteval bool check_add_top_n() {
    if constexpr (!declared_metric<Schema, Name>) {
        static_assert(always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>, "typed_metrics: add_top_n<Name>() requires a metric declared in the schema; did you mean did_you_mean<...>?");
        return false;
    } else if constexpr (declared_t<Schema, Name>::kind != metric_kind::top_n) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>, "typed_metrics: add_top_n<Name>() requires a top_n_of metric");
        return false;
    } else if constexpr (!converts_without_narrowing<K, typename declared_t<Schema, Name>::key_type>) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, K>, "typed_metrics: add_top_n<Name>(k, v) requires a k that converts to the ranking's key type without narrowing");
        return false;
    } else if constexpr (!converts_without_narrowing<V, typename declared_t<Schema, Name>::value_type>) {
        static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, V>, "typed_metrics: add_top_n<Name>(k, v) requires a v that converts to the ranking's value type without narrowing");
        return false;
    } else {
        return true;
    }
}

template <class Schema, fixed_string Name>
consteval bool check_record_access() {
    if constexpr (!declared_metric<Schema, Name>) {
        static_assert(always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>, "typed_metrics: record.get<Name>() and contains<Name>() require a metric declared in the schema; did you mean did_you_mean<...>?");
        return false;
    } else {
        return true;
    }
}

// `update(tmx::arg<"a"> = 1, tmx::arg<"b"> = 2)`, `update_outer(...)` and the
// runtime context's extras: the first broken rule of the first bad argument.
template <class Schema>
consteval bool check_named_values() {
    return true;
}

template <class Schema, class First, class... Rest>
consteval bool check_named_values() {
    using first = std::remove_cvref_t<First>;
    if constexpr (!named_argument<First>) {
        static_assert(always_false<First>, "typed_metrics: update(...) requires each argument written as tmx::arg<Name> = value");
        return false;
    } else if constexpr (!declared_metric<Schema, first::name>) {
        static_assert(always_false<spelled<no_metric_named, first::name>, suggestion_t<Schema, first::name>>, "typed_metrics: update(arg<Name> = v) requires a metric declared in the schema; did you mean did_you_mean<...>?");
        return false;
    } else if constexpr (metric_t<Schema, first::name>::kind != metric_kind::value) {
        static_assert(always_false<spelled<metric_named, first::name>, metric_t<Schema, first::name>>, "typed_metrics: update(arg<Name> = v) requires a value metric");
        return false;
    } else if constexpr (!can_set<Schema, first::name, arg_value_t<First>>) {
        static_assert(always_false<spelled<metric_named, first::name>, metric_t<Schema, first::name>, arg_value_t<First>>, "typed_metrics: update(arg<Name> = v) requires a v that converts to the value's type without narrowing");
        return false;
    } else if constexpr ((is_argument_called<Rest, first::name>() || ...)) {
        static_assert(always_false<spelled<metric_named, first::name>>, "typed_metrics: update(...) requires distinct metric names");
        return false;
    } else {
        return check_named_values<Schema, Rest...>();
    }
}

}  // namespace detail
}  // namespace typed_metrics
