// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/arg.hpp>
#include <typed_metrics/detail/always_false.hpp>
#include <typed_metrics/detail/duration.hpp>
#include <typed_metrics/detail/sentence.hpp>
#include <typed_metrics/detail/spelling.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/metric.hpp>
#include <typed_metrics/schema.hpp>

#include <type_traits>
#include <utility>

TYPED_METRICS_DETAIL_SENTENCES_BEGIN

namespace typed_metrics {

/// Satisfied when `From` converts to `To` by list-initialisation, which
/// rejects narrowing (`double` into an integer, a signed into an unsigned
/// integer, an integer into a `double`, a pointer into `bool`). Into a
/// number, a `bool` or an enumeration the conversion must also be implicit:
/// list-initialisation alone takes an explicit `operator bool` (a
/// `std::unique_ptr` or a `std::optional` would record `true`) and an integer
/// into a scoped enumeration. `nullptr` converts to no metric's type
/// (`std::string{nullptr}` compiles, then fails at run time), nor does a
/// `bool` into a class type (`std::string{true}` is the string "\x01").
template <class From, class To>
concept converts_without_narrowing = !std::is_null_pointer_v<std::remove_cvref_t<From>> && requires(From&& from) {
    To{std::forward<From>(from)};
} && (std::is_scalar_v<To> ? std::is_convertible_v<From, To> : !std::is_same_v<std::remove_cvref_t<From>, bool>);

/// Satisfied when `Schema` declares `Name` as a metric of kind `Kind`.
template <class Schema, fixed_string Name, metric_kind Kind>
concept declared_as = declared_metric<Schema, Name> && (metric_t<Schema, Name>::kind == Kind);

// The rules of each call, stated once: `first_broken_call_rule` below is the
// table, the public concepts hold when it finds no broken rule, and the
// checks at the public entry points report the rule it finds.
namespace detail {

/// The checked operations. `update` covers each argument of `update`,
/// `update_outer` and the runtime context's extras; `read` covers
/// `record.get`, `record.contains` and the free `get` and `contains`;
/// `timed` both contexts' timers.
enum class operation { increment, set, add_to_set, set_key_value, add_top_n, update, read, timed };

/// The rules a call must follow, in the order they are checked.
enum class call_rule {
    followed,
    declared_name,     ///< the schema declares the name
    metric_kind,       ///< the metric is of the kind the operation records
    duration_counter,  ///< a timer's counter holds a `std::chrono::duration`
    key_conversion,    ///< the key converts to the metric's `key_type` without narrowing
    value_conversion,  ///< the value converts to the metric's `value_type` without narrowing
    duration_value,    ///< a duration counter's increment is a duration that converts without loss
    named_argument,    ///< each argument of an update is `tmx::arg<"k"> = v`
    distinct_names     ///< no two arguments of an update name the same metric
};

/// The kind of metric each operation records.
constexpr bool records_kind(operation op, metric_kind kind) noexcept {
    switch (op) {
        case operation::increment:
        case operation::timed: return kind == metric_kind::counter;
        case operation::set:
        case operation::update: return kind == metric_kind::value;
        case operation::add_to_set: return kind == metric_kind::set;
        case operation::set_key_value: return kind == metric_kind::map;
        case operation::add_top_n: return kind == metric_kind::top_n;
        case operation::read: return true;
    }
    return false;
}

/// The arguments' rules: a call passes no argument (`read`), a value, or a
/// key and a value, each converting to the metric's type.
template <class Metric, class... Args>
constexpr call_rule first_broken_argument_rule = call_rule::followed;
template <class Metric, class V>
constexpr call_rule first_broken_argument_rule<Metric, V> =
    converts_without_narrowing<V, typename Metric::value_type> ? call_rule::followed : call_rule::value_conversion;
template <class Metric, class K, class V>
constexpr call_rule first_broken_argument_rule<Metric, K, V> =
    converts_without_narrowing<K, typename Metric::key_type> ? first_broken_argument_rule<Metric, V>
                                                             : call_rule::key_conversion;
// A duration counter takes a duration, never a bare count: std::chrono's
// explicit constructor would accept `microseconds{5}` from any integer.
template <class Metric, class V>
    requires chrono_duration<typename Metric::value_type>
constexpr call_rule first_broken_argument_rule<Metric, V> =
    converts_without_loss<V, typename Metric::value_type> ? call_rule::followed : call_rule::duration_value;

// The tag `Name` names, once `declared_metric` holds: the unconstrained
// lookup, so that no constraint is checked again.
template <class Schema, fixed_string Name>
using declared_t = typename slot_t<typename Schema::storage, Name>::metric;

// The key and the value of a call's arguments `(key, value)` or `(value)`.
template <class Key, class...>
struct first_argument {
    using type = Key;
};
template <class... Args>
using key_argument_t = typename first_argument<Args...>::type;
template <class... Args>
using value_argument_t = typename decltype((std::type_identity<Args>{}, ...))::type;

/// The first rule that `Op<Name>(args...)` breaks, or `followed`.
template <operation Op, class Schema, fixed_string Name, class... Args>
consteval call_rule first_broken_call_rule() {
    if constexpr (!declared_metric<Schema, Name>) {
        return call_rule::declared_name;
    } else if constexpr (!records_kind(Op, declared_t<Schema, Name>::kind)) {
        return call_rule::metric_kind;
    } else if constexpr (Op == operation::timed && !chrono_duration<typename declared_t<Schema, Name>::value_type>) {
        return call_rule::duration_counter;
    } else {
        return first_broken_argument_rule<declared_t<Schema, Name>, Args...>;
    }
}

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

/// The first rule that the argument `Arg` of an update breaks, `Rest` being
/// the arguments after it.
template <class Schema, class Arg, class... Rest>
consteval call_rule first_broken_update_rule() {
    if constexpr (!named_argument<Arg>) {
        return call_rule::named_argument;
    } else if constexpr (constexpr call_rule broken =
                             first_broken_call_rule<operation::update, Schema, std::remove_cvref_t<Arg>::name,
                                                    arg_value_t<Arg>>();
                         broken != call_rule::followed) {
        return broken;
    } else if constexpr ((is_argument_called<Rest, std::remove_cvref_t<Arg>::name>() || ...)) {
        return call_rule::distinct_names;
    } else {
        return call_rule::followed;
    }
}

template <class Schema, class... Args>
consteval bool follows_update_rules() {
    if constexpr (sizeof...(Args) == 0) {
        return true;
    } else {
        return []<class First, class... Rest>(std::type_identity<First>, std::type_identity<Rest>...) {
            return first_broken_update_rule<Schema, First, Rest...>() == call_rule::followed &&
                   follows_update_rules<Schema, Rest...>();
        }(std::type_identity<Args>{}...);
    }
}

}  // namespace detail

// What each operation accepts, for generic code that asks before it calls.
// Each concept holds exactly when the operation compiles.

template <class Schema, fixed_string Name, class V>
concept can_increment =
    detail::first_broken_call_rule<detail::operation::increment, Schema, Name, V>() == detail::call_rule::followed;

/// Satisfied when `timed<Name>()` compiles: `Name` is a counter of a
/// `std::chrono::duration`.
template <class Schema, fixed_string Name>
concept can_time =
    detail::first_broken_call_rule<detail::operation::timed, Schema, Name>() == detail::call_rule::followed;

template <class Schema, fixed_string Name, class V>
concept can_set =
    detail::first_broken_call_rule<detail::operation::set, Schema, Name, V>() == detail::call_rule::followed;

template <class Schema, fixed_string Name, class V>
concept can_add_to_set =
    detail::first_broken_call_rule<detail::operation::add_to_set, Schema, Name, V>() == detail::call_rule::followed;

template <class Schema, fixed_string Name, class K, class V>
concept can_set_key_value = detail::first_broken_call_rule<detail::operation::set_key_value, Schema, Name, K, V>() ==
                            detail::call_rule::followed;

template <class Schema, fixed_string Name, class K, class V>
concept can_add_top_n =
    detail::first_broken_call_rule<detail::operation::add_top_n, Schema, Name, K, V>() == detail::call_rule::followed;

/// Satisfied when `update(args...)` (and `update_outer`, and the runtime
/// context's extras) compiles: every argument is `tmx::arg<"k"> = v` for a
/// value metric `k` that `v` converts to without narrowing, names distinct.
template <class Schema, class... Args>
concept can_update = detail::follows_update_rules<Schema, Args...>();

namespace detail {

#if TYPED_METRICS_DETAIL_SENTENCES
// The sentences of broken rules: the call as written, the metric as
// declared, the type given and the fix.

constexpr std::string_view operation_name(operation op) noexcept {
    switch (op) {
        case operation::increment: return "increment";
        case operation::set: return "set";
        case operation::add_to_set: return "add_to_set";
        case operation::set_key_value: return "set_key_value";
        case operation::add_top_n: return "add_top_n";
        case operation::update: return "update";
        case operation::read: return "get";
        case operation::timed: return "timed";
    }
    return "";
}

// The operation that records a kind, and what the kind is called in "not a ...".
constexpr operation recording_operation(metric_kind kind) noexcept {
    switch (kind) {
        case metric_kind::counter: return operation::increment;
        case metric_kind::value: return operation::set;
        case metric_kind::set: return operation::add_to_set;
        case metric_kind::map: return operation::set_key_value;
        case metric_kind::top_n: return operation::add_top_n;
    }
    return operation::read;
}
constexpr std::string_view recorded_kind(operation op) noexcept {
    switch (op) {
        case operation::increment: return "a counter";
        case operation::add_to_set: return "a set_of";
        case operation::set_key_value: return "a map_of";
        case operation::add_top_n: return "a top_n_of";
        case operation::timed: return "a counter of a std::chrono::duration";
        default: return "a value";
    }
}

// `increment<"name">(arguments)`, `update(arg<"name"> = v)`.
template <operation Op, fixed_string Name>
constexpr sentence& spell_call(sentence& text, std::string_view arguments) {
    if constexpr (Op == operation::update) {
        return text << "update(arg<\"" << Name.view() << "\"> = v)";
    } else if constexpr (Op == operation::read) {
        return text << "get<\"" << Name.view() << "\">() or contains<\"" << Name.view() << "\">()";
    } else {
        return text << operation_name(Op) << "<\"" << Name.view() << "\">(" << arguments << ")";
    }
}

// "an int", "a std::string".
constexpr sentence& spell_with_article(sentence& text, std::string_view noun) {
    bool const vowel = !noun.empty() && std::string_view{"aeiou"}.find(noun[0]) != std::string_view::npos;
    return text << (vowel ? "an " : "a ") << noun;
}

// How to pass a `Given` that does not convert to `To` without narrowing.
template <class Given, class To>
constexpr sentence& spell_conversion_fix(sentence& text) {
    if constexpr (std::is_floating_point_v<To> && std::is_integral_v<Given>) {
        return spell_with_article(text << "write 3.0, not 3, or pass ", type_name<To>());
    } else if constexpr (std::is_unsigned_v<To> && std::is_signed_v<Given> && std::is_integral_v<Given>) {
        return spell_with_article(text << "write 1u, not 1, or pass ", type_name<To>());
    } else if constexpr (std::is_signed_v<To> && std::is_unsigned_v<Given> && std::is_integral_v<Given>) {
        return text << "declare the metric with std::uint64_t, or pass static_cast<" << type_name<To>()
                    << ">(v) where it fits";
    } else if constexpr (std::is_integral_v<To> && std::is_floating_point_v<Given>) {
        return text << "round it (std::llround(v)) or declare the metric with double";
    } else if constexpr (std::is_scalar_v<To> && std::is_class_v<Given>) {
        return text << "write the value you mean (*opt, p != nullptr)";
    } else {
        return spell_with_article(text << "pass ", type_name<To>());
    }
}

template <operation Op, class Schema, fixed_string Name, call_rule Broken, class... Args>
consteval sentence call_sentence() {
    sentence text;
    text << "typed_metrics: ";
    if constexpr (Broken == call_rule::declared_name) {
        spell_call<Op, Name>(text, "") << ": the schema declares no metric \"" << Name.view() << "\"";
        if constexpr (Schema::size == 0) {
            return text << "; declare it in the schema";
        } else {
            constexpr std::size_t blocks = (Schema::size + names_per_block - 1) / names_per_block;
            constexpr std::size_t nearest = nearest_in_blocks<Schema, Name, blocks>.index;
            return text << "; did you mean \"" << Schema::names[nearest] << "\"?";
        }
    } else {
        using metric = declared_t<Schema, Name>;
        if constexpr (Broken == call_rule::metric_kind) {
            spell_call<Op, Name>(text, "") << ": \"" << Name.view() << "\" is a ";
            return spell_metric<metric>(text, false)
                   << ", not " << recorded_kind(Op) << "; use " << operation_name(recording_operation(metric::kind))
                   << "<\"" << Name.view() << "\">(...)";
        } else if constexpr (Broken == call_rule::duration_counter) {
            spell_call<Op, Name>(text, "") << ": \"" << Name.view() << "\" is a ";
            return spell_metric<metric>(text, false) << ", not " << recorded_kind(Op) << "; declare it counter<\""
                                                     << Name.view() << "\", std::chrono::microseconds>";
        } else if constexpr (Broken == call_rule::duration_value) {
            spell_call<Op, Name>(text, "d") << ": \"" << Name.view() << "\" is a ";
            return spell_metric<metric>(text, false)
                   << ", and d (" << type_name<std::decay_t<value_argument_t<Args...>>>()
                   << ") is not a std::chrono::duration whose count converts to its unit without loss; pass a "
                      "duration of a unit as coarse as the counter's or coarser (a bare number has no unit)";
        } else {
            constexpr bool key = Broken == call_rule::key_conversion;
            using given = std::decay_t<std::conditional_t<key, key_argument_t<Args...>, value_argument_t<Args...>>>;
            using to = std::conditional_t<key, typename metric::types::key_type, typename metric::types::value_type>;
            std::string_view const argument = key ? "k" : Op == operation::add_to_set ? "e" : "v";
            spell_call<Op, Name>(text, sizeof...(Args) == 2 ? "k, v" : argument) << ": \"" << Name.view() << "\" is a ";
            spell_metric<metric>(text, false) << ", and " << argument << " (" << type_name<given>()
                                              << ") does not convert to " << type_name<to>() << " without narrowing; ";
            return spell_conversion_fix<given, to>(text);
        }
    }
}

// In a constant of its own, evaluated only when a rule is broken.
template <operation Op, class Schema, fixed_string Name, class... Args>
inline constexpr sentence broken_call_sentence =
    call_sentence<Op, Schema, Name, first_broken_call_rule<Op, Schema, Name, Args...>(), Args...>();

template <class Schema, class First, class... Rest>
consteval sentence update_sentence() {
    constexpr call_rule broken = first_broken_update_rule<Schema, First, Rest...>();
    if constexpr (broken == call_rule::named_argument) {
        return sentence{} << "typed_metrics: update(...): an argument of type " << type_name<std::decay_t<First>>()
                          << " is not named; write tmx::arg<\"name\"> = value";
    } else if constexpr (broken == call_rule::distinct_names) {
        return sentence{} << "typed_metrics: update(...): arg<\"" << std::remove_cvref_t<First>::name.view()
                          << "\"> is given twice; name each metric once";
    } else {
        return broken_call_sentence<operation::update, Schema, std::remove_cvref_t<First>::name, arg_value_t<First>>;
    }
}

template <class Schema, class First, class... Rest>
inline constexpr sentence broken_update_sentence = update_sentence<Schema, First, Rest...>();
#endif

// The checks at the public entry points: each returns true when the call
// follows every rule; otherwise exactly one static_assert below fails, the
// one of the first broken rule, and it returns false, so that the caller's
// `if constexpr` instantiates nothing more and the user reads one error.
// Each condition names the offending metric and types (`metric_named<'b',
// 'a', ...>`, `did_you_mean<...>`), which both compilers print beside the
// message (docs/errors.md shows the output). One message per operation and
// rule: a static_assert's message must be a literal.
template <operation Op, class Schema, fixed_string Name, class... Args>
consteval bool check_call() {
    constexpr call_rule broken = first_broken_call_rule<Op, Schema, Name, Args...>();
    if constexpr (broken == call_rule::followed) {
        return true;
#if TYPED_METRICS_DETAIL_SENTENCES
    } else {
        static_assert(false, broken_call_sentence<Op, Schema, Name, Args...>);
        return false;
#else
    } else if constexpr (broken == call_rule::declared_name) {
        if constexpr (Op == operation::increment) {
            static_assert(
                always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>,
                "typed_metrics: increment<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>");
        } else if constexpr (Op == operation::set) {
            static_assert(
                always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>,
                "typed_metrics: set<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>");
        } else if constexpr (Op == operation::add_to_set) {
            static_assert(
                always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>,
                "typed_metrics: add_to_set<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>");
        } else if constexpr (Op == operation::set_key_value) {
            static_assert(
                always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>,
                "typed_metrics: set_key_value<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>");
        } else if constexpr (Op == operation::add_top_n) {
            static_assert(
                always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>,
                "typed_metrics: add_top_n<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>");
        } else if constexpr (Op == operation::timed) {
            static_assert(
                always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>,
                "typed_metrics: timed<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>");
        } else {
            static_assert(
                always_false<spelled<no_metric_named, Name>, suggestion_t<Schema, Name>>,
                "typed_metrics: record.get<Name>() and contains<Name>() require a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>");
        }
        return false;
    } else if constexpr (broken == call_rule::metric_kind) {
        if constexpr (Op == operation::increment) {
            static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>,
                          "typed_metrics: increment<Name>() requires a counter metric");
        } else if constexpr (Op == operation::set) {
            static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>,
                          "typed_metrics: set<Name>() requires a value metric");
        } else if constexpr (Op == operation::add_to_set) {
            static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>,
                          "typed_metrics: add_to_set<Name>() requires a set_of metric");
        } else if constexpr (Op == operation::set_key_value) {
            static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>,
                          "typed_metrics: set_key_value<Name>() requires a map_of metric");
        } else if constexpr (Op == operation::timed) {
            static_assert(
                always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>,
                "typed_metrics: timed<Name>() requires a counter metric of a std::chrono::duration (counter<Name, std::chrono::microseconds>)");
        } else {
            static_assert(always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>,
                          "typed_metrics: add_top_n<Name>() requires a top_n_of metric");
        }
        return false;
    } else if constexpr (broken == call_rule::duration_counter) {
        static_assert(
            always_false<spelled<metric_named, Name>, declared_t<Schema, Name>>,
            "typed_metrics: timed<Name>() requires a counter metric of a std::chrono::duration (counter<Name, std::chrono::microseconds>)");
        return false;
    } else if constexpr (broken == call_rule::duration_value) {
        static_assert(
            always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, value_argument_t<Args...>>,
            "typed_metrics: increment<Name>(d) on a duration counter requires a std::chrono::duration that converts to the counter's without loss (milliseconds into microseconds, not nanoseconds; a bare number has no unit)");
        return false;
    } else if constexpr (broken == call_rule::key_conversion) {
        using key = key_argument_t<Args...>;
        if constexpr (Op == operation::set_key_value) {
            static_assert(
                always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, key>,
                "typed_metrics: set_key_value<Name>(k, v) requires a k that converts to the map's key type without narrowing");
        } else {
            static_assert(
                always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, key>,
                "typed_metrics: add_top_n<Name>(k, v) requires a k that converts to the ranking's key type without narrowing");
        }
        return false;
    } else {
        using value = value_argument_t<Args...>;
        if constexpr (Op == operation::increment) {
            static_assert(
                always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, value>,
                "typed_metrics: increment<Name>(v) requires a v that converts to the counter's type without narrowing");
        } else if constexpr (Op == operation::set) {
            static_assert(
                always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, value>,
                "typed_metrics: set<Name>(v) requires a v that converts to the value's type without narrowing");
        } else if constexpr (Op == operation::add_to_set) {
            static_assert(
                always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, value>,
                "typed_metrics: add_to_set<Name>(e) requires an e that converts to the set's element type without narrowing");
        } else if constexpr (Op == operation::set_key_value) {
            static_assert(
                always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, value>,
                "typed_metrics: set_key_value<Name>(k, v) requires a v that converts to the map's value type without narrowing");
        } else {
            static_assert(
                always_false<spelled<metric_named, Name>, declared_t<Schema, Name>, value>,
                "typed_metrics: add_top_n<Name>(k, v) requires a v that converts to the ranking's value type without narrowing");
        }
        return false;
#endif
    }
}

// `update(tmx::arg<"a"> = 1, tmx::arg<"b"> = 2)`, `update_outer(...)` and the
// runtime context's extras: the first broken rule of the first bad argument,
// reported here rather than by check_call, so that the note chain is no
// longer than a single call's.
template <class Schema>
consteval bool check_update() {
    return true;
}

template <class Schema, class First, class... Rest>
consteval bool check_update() {
    constexpr call_rule broken = first_broken_update_rule<Schema, First, Rest...>();
    if constexpr (broken == call_rule::followed) {
        return check_update<Schema, Rest...>();
#if TYPED_METRICS_DETAIL_SENTENCES
    } else {
        static_assert(false, broken_update_sentence<Schema, First, Rest...>);
        return false;
#else
    } else if constexpr (broken == call_rule::named_argument) {
        static_assert(always_false<First>,
                      "typed_metrics: update(...) requires each argument written as tmx::arg<Name> = value");
        return false;
    } else {
        constexpr auto name = std::remove_cvref_t<First>::name;
        if constexpr (broken == call_rule::declared_name) {
            static_assert(
                always_false<spelled<no_metric_named, name>, suggestion_t<Schema, name>>,
                "typed_metrics: update(arg<Name> = v) requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>");
        } else if constexpr (broken == call_rule::metric_kind) {
            static_assert(always_false<spelled<metric_named, name>, declared_t<Schema, name>>,
                          "typed_metrics: update(arg<Name> = v) requires a value metric");
        } else if constexpr (broken == call_rule::value_conversion) {
            static_assert(
                always_false<spelled<metric_named, name>, declared_t<Schema, name>, arg_value_t<First>>,
                "typed_metrics: update(arg<Name> = v) requires a v that converts to the value's type without narrowing");
        } else {
            static_assert(always_false<spelled<metric_named, name>>,
                          "typed_metrics: update(...) requires distinct metric names");
        }
        return false;
#endif
    }
}

}  // namespace detail
}  // namespace typed_metrics

TYPED_METRICS_DETAIL_SENTENCES_END
