// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/always_false.hpp>
#include <typed_metrics/detail/duration.hpp>
#include <typed_metrics/detail/hana.hpp>
#include <typed_metrics/detail/json_shape.hpp>
#include <typed_metrics/detail/name_table.hpp>
#include <typed_metrics/detail/non_owning.hpp>
#include <typed_metrics/detail/numbers.hpp>
#include <typed_metrics/detail/printable.hpp>
#include <typed_metrics/detail/sentence.hpp>
#include <typed_metrics/detail/slots.hpp>
#include <typed_metrics/detail/spelling.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/metric.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

TYPED_METRICS_DETAIL_SENTENCES_BEGIN

namespace typed_metrics {

template <class... Metrics>
struct schema;

// The schema's own rules: valid names and storable types per tag, distinct
// names. `schema` reports the first metric that breaks a rule, once.
namespace detail {

// Names become JSON keys, column names and Prometheus metric names: an
// identifier (`[A-Za-z_][A-Za-z0-9_]*`) is valid in all of them unquoted.
constexpr bool is_identifier(std::string_view name) noexcept {
    for (std::size_t i = 0; i < name.size(); ++i) {
        char const c = name[i];
        bool const letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && (i == 0 || c < '0' || c > '9')) return false;
    }
    return !name.empty();
}

// What a record needs of the types it stores: to hold them, copy them,
// compare records, and print them.
template <class T>
concept storable =
    std::default_initializable<T> && std::copy_constructible<T> && std::equality_comparable<T> && printable<T>;

// What sets, maps and rankings need of their keys and elements.
template <class T>
concept ordered = storable<T> && requires(T const& a, T const& b) {
    { a < b } -> std::convertible_to<bool>;
};

}  // namespace detail

/// The largest record a schema accepts, in bytes of its fields (the sizeof
/// of its storage: strings, sets and maps count their handles, not what they
/// own). A record is copied whole by an `on_exit` that keeps it, often onto
/// a thread's stack: 1 MiB is an eighth of the 8 MiB stack that Linux gives
/// the main thread and every std::thread.
inline constexpr std::size_t max_record_bytes = std::size_t{1} << 20;

namespace detail {

// The rules a metric tag must follow, in the order they are checked.
enum class metric_rule {
    followed,
    identifier_name,
    owning_types,
    exported_numbers,
    counter_type,
    duration_counter_type,
    duration_kind,
    value_storable,
    value_nothrow_move,
    set_element,
    map_types,
    top_n_capacity,
    top_n_types,
    top_n_capacity_limit
};

// The rules that each type a metric holds (its value, element, key or ranked
// type) must follow, whatever the metric's kind. A function of the type, not
// of the metric: metrics of one type share its evaluation.
template <class T>
consteval metric_rule first_broken_type_rule() {
    if constexpr (non_owning<T>) return metric_rule::owning_types;
    if constexpr (builtin_number<T> && !exported_number<T>) return metric_rule::exported_numbers;
    return metric_rule::followed;
}

// The types most schemas hold, which follow every rule of a value, a set
// element, a map's key and value and a ranking's key and value: those skip
// the concept checks.
template <class T>
concept common_type =
    one_of<T, bool, int, long, long long, unsigned, unsigned long, unsigned long long, float, double, std::string>;

template <class Types>
concept of_common_types =
    common_type<typename Types::value_type> &&
    (std::is_void_v<typename Types::key_type> || common_type<typename Types::key_type>) &&
    (Types::kind != metric_kind::counter || !one_of<typename Types::value_type, bool, std::string>) &&
    (Types::kind != metric_kind::top_n || (Types::capacity > 0 && Types::capacity <= max_top_n_capacity));

// The rules of a metric's kind and types, in the order they are checked.
template <class Types>
consteval metric_rule first_broken_types_rule() {
    if constexpr (of_common_types<Types>) {
        return metric_rule::followed;
    } else if constexpr (Types::kind == metric_kind::counter && chrono_duration<typename Types::value_type>) {
        // A count of a unit that every export names (printing's `12ms`, the
        // JSON Schema's "unit", Prometheus' seconds).
        using count = typename Types::value_type::rep;
        constexpr json_shape shape = json_shape_of<count>();
        return (shape == json_shape::integer || shape == json_shape::number) &&
                       !unit_symbol<typename Types::value_type::period>().empty()
                   ? metric_rule::followed
                   : metric_rule::duration_counter_type;
    } else if constexpr (chrono_duration<typename Types::value_type> || chrono_duration<typename Types::key_type>) {
        // Only counters export a duration's unit.
        return metric_rule::duration_kind;
    } else if constexpr (first_broken_type_rule<typename Types::value_type>() != metric_rule::followed) {
        return first_broken_type_rule<typename Types::value_type>();
    } else if constexpr (Types::kind == metric_kind::counter) {
        // The numbers that every export writes, bool excepted.
        constexpr json_shape shape = json_shape_of<typename Types::value_type>();
        return shape == json_shape::integer || shape == json_shape::number ? metric_rule::followed
                                                                           : metric_rule::counter_type;
    } else if constexpr (Types::kind == metric_kind::value) {
        using T = typename Types::value_type;
        if constexpr (!storable<T>) return metric_rule::value_storable;
        // `update` builds every new value, then moves them in: all or
        // nothing holds only if those moves cannot fail.
        return std::is_nothrow_move_assignable_v<T> ? metric_rule::followed : metric_rule::value_nothrow_move;
    } else if constexpr (Types::kind == metric_kind::set) {
        return ordered<typename Types::value_type> ? metric_rule::followed : metric_rule::set_element;
    } else if constexpr (first_broken_type_rule<typename Types::key_type>() != metric_rule::followed) {
        return first_broken_type_rule<typename Types::key_type>();  // a map's or a ranking's key
    } else if constexpr (Types::kind == metric_kind::map) {
        return ordered<typename Types::key_type> && storable<typename Types::value_type> ? metric_rule::followed
                                                                                         : metric_rule::map_types;
    } else {
        if constexpr (Types::capacity == 0) return metric_rule::top_n_capacity;
        if constexpr (!ordered<typename Types::key_type> || !ordered<typename Types::value_type>) {
            return metric_rule::top_n_types;
        }
        return Types::capacity <= max_top_n_capacity ? metric_rule::followed : metric_rule::top_n_capacity_limit;
    }
}

// Evaluated once per distinct kind and types, which metrics share: a schema
// of 120 metrics has a dozen.
template <class Types>
inline constexpr metric_rule types_rule = first_broken_types_rule<Types>();

// A metric's name rule, then its types' rules: a constant per metric, so that
// each name is checked in a constant expression of its own (all names in one
// loop exceed clang's step limit with 2000 names of 40 characters).
template <fixed_string Name, class Types>
inline constexpr metric_rule name_and_types_rule =
    is_identifier(Name.view()) ? types_rule<Types> : metric_rule::identifier_name;

template <class Metric>
consteval metric_rule first_broken_rule() {
    return name_and_types_rule<Metric::name, typename Metric::types>;
}

// The position of the first metric that breaks a rule, or the number of
// metrics, from each metric's rule.
consteval std::size_t first_broken_metric(std::initializer_list<metric_rule> rules) {
    std::size_t position = 0;
    for (metric_rule const rule : rules) {
        if (rule != metric_rule::followed) break;
        ++position;
    }
    return position;
}

#if TYPED_METRICS_DETAIL_SENTENCES
constexpr std::string_view kind_spelling(metric_kind kind) noexcept {
    switch (kind) {
        case metric_kind::counter: return "counter";
        case metric_kind::value: return "value";
        case metric_kind::set: return "set_of";
        case metric_kind::map: return "map_of";
        case metric_kind::top_n: return "top_n_of";
    }
    return "";
}

// A tag in C++ spelling, `value<std::string>`, or with its name
// `value<"backend", std::string>`.
template <class Metric>
constexpr sentence& spell_metric(sentence& text, bool with_name) {
    using types = typename Metric::types;
    text << kind_spelling(Metric::kind) << "<";
    if (with_name) text << "\"" << Metric::name.view() << "\", ";
    if constexpr (!std::is_void_v<typename types::key_type>) text << type_name<typename types::key_type>() << ", ";
    text << type_name<typename types::value_type>();
    if constexpr (Metric::kind == metric_kind::top_n) text << ", " << types::capacity;
    return text << ">";
}

// What `T` lacks of what a record needs of it (`storable`, and `ordered`
// when `Ordered`), and how to give it.
template <class T, bool Ordered>
constexpr sentence& spell_lack(sentence& text) {
    text << type_name<T>();
    if constexpr (!std::default_initializable<T>) {
        return text << " is not default-constructible; give it a default constructor";
    } else if constexpr (!std::copy_constructible<T>) {
        return text << " is not copyable; give it a copy constructor";
    } else if constexpr (!std::equality_comparable<T>) {
        return text << " is not equality-comparable; define operator==";
    } else if constexpr (!printable<T>) {
        return text << " is not printable; define operator<<(std::ostream&, const " << type_name<T>() << "&)";
    } else {
        static_assert(Ordered && !ordered<T>);
        return text << " is not ordered; define operator<";
    }
}

// The sentence of the first rule that `Metric` breaks.
template <class Metric, metric_rule Broken>
consteval sentence metric_sentence() {
    using types = typename Metric::types;
    using value_type = typename types::value_type;
    using key_type = typename types::key_type;
    sentence text;
    spell_metric<Metric>(text << "typed_metrics: ", true) << ": ";
    if constexpr (Broken == metric_rule::identifier_name) {
        text << "\"" << Metric::name.view()
             << "\" is not an identifier; name it with letters, digits and '_', not starting with a digit";
    } else if constexpr (Broken == metric_rule::owning_types || Broken == metric_rule::exported_numbers) {
        using offending =
            std::conditional_t<first_broken_type_rule<value_type>() == metric_rule::followed, key_type, value_type>;
        text << type_name<offending>();
        if constexpr (Broken == metric_rule::owning_types) {
            text << " does not own its data, and a record outlives the call that wrote it; use std::string for "
                    "text, an owning type for the rest";
        } else {
            text << " is a number that not every export writes exactly; use a standard integer type, float or double";
        }
    } else if constexpr (Broken == metric_rule::counter_type) {
        text << "a counter counts in an arithmetic type other than bool; write counter<\"" << Metric::name.view()
             << "\"> (std::int64_t), or value<\"" << Metric::name.view() << "\", " << type_name<value_type>()
             << "> for what is not a count";
    } else if constexpr (Broken == metric_rule::duration_counter_type) {
        text << "a duration counter counts in an arithmetic type other than bool, in ns, us, ms, s, min or h; "
                "write counter<\""
             << Metric::name.view() << "\", std::chrono::microseconds>";
    } else if constexpr (Broken == metric_rule::duration_kind) {
        text << "a std::chrono::duration is a metric's type only in a counter, whose exports write its unit; write "
                "counter<\""
             << Metric::name.view() << "\", " << type_name<value_type>() << ">";
    } else if constexpr (Broken == metric_rule::value_storable) {
        spell_lack<value_type, false>(text);
    } else if constexpr (Broken == metric_rule::value_nothrow_move) {
        text << "the move assignment of " << type_name<value_type>()
             << " may throw, and update(...) moves its new values in all or nothing; declare it noexcept";
    } else if constexpr (Broken == metric_rule::set_element) {
        spell_lack<value_type, true>(text);
    } else if constexpr (Broken == metric_rule::map_types) {
        if constexpr (!ordered<key_type>) {
            spell_lack<key_type, true>(text);
        } else {
            spell_lack<value_type, false>(text);
        }
    } else if constexpr (Broken == metric_rule::top_n_capacity) {
        text << "a ranking keeps N > 0 entries; give N >= 1";
    } else if constexpr (Broken == metric_rule::top_n_types) {
        if constexpr (!ordered<key_type>) {
            spell_lack<key_type, true>(text);
        } else {
            spell_lack<value_type, true>(text);
        }
    } else {
        text << "N is above tmx::max_top_n_capacity; give N <= " << max_top_n_capacity;
    }
    return text;
}

// In a constant of its own, evaluated only when a rule is broken.
template <class Metric>
inline constexpr sentence broken_metric_sentence = metric_sentence<Metric, first_broken_rule<Metric>()>();

template <fixed_string Name>
inline constexpr sentence duplicate_name_sentence =
    sentence{} << "typed_metrics: schema<...>: \"" << Name.view()
               << "\" is declared twice; rename one of them or declare it once";

#endif

// Reports the first rule that the metric at `Position` breaks, naming it by a
// character pack. The schema passes
// its first broken metric, so that only that report is instantiated, not one
// per metric (see docs/design.md, Compile-time rules). Like every
// schema check it returns true even after reporting: the schema's
// static_assert must not add a second error.
template <class Schema, std::size_t Position>
consteval bool check_metric() {
    if constexpr (Position < Schema::size) {
        using Metric = typename Schema::template metric_at<Position>;
        constexpr metric_rule broken = first_broken_rule<Metric>();
#if TYPED_METRICS_DETAIL_SENTENCES
        if constexpr (broken != metric_rule::followed) {
            static_assert(false, broken_metric_sentence<Metric>);
        }
#else
        using named = spelled<metric_named, Metric::name>;
        if constexpr (broken == metric_rule::identifier_name) {
            static_assert(
                always_false<named>,
                "typed_metrics: a metric name requires an identifier: a letter or '_', then letters, digits or '_'");
        } else if constexpr (broken == metric_rule::owning_types) {
            static_assert(
                always_false<named, Metric>,
                "typed_metrics: a metric requires types that own their data, not views or pointers (a record outlives the call that wrote it): std::string for text, an owning type for the rest");
        } else if constexpr (broken == metric_rule::exported_numbers) {
            static_assert(
                always_false<named, Metric>,
                "typed_metrics: a metric requires number types that every export writes exactly: a standard integer type, float or double, not long double, __int128 or another extended type");
        } else if constexpr (broken == metric_rule::counter_type) {
            static_assert(always_false<named, Metric>,
                          "typed_metrics: counter<Name, T> requires an arithmetic T other than bool");
        } else if constexpr (broken == metric_rule::duration_counter_type) {
            static_assert(
                always_false<named, Metric>,
                "typed_metrics: counter<Name, std::chrono::duration<Rep, Period>> requires an arithmetic Rep other than bool and a Period of std::nano, std::micro, std::milli, seconds, minutes or hours");
        } else if constexpr (broken == metric_rule::duration_kind) {
            static_assert(
                always_false<named, Metric>,
                "typed_metrics: a std::chrono::duration is a metric's type only in a counter (counter<Name, std::chrono::microseconds>), the kind whose exports write its unit");
        } else if constexpr (broken == metric_rule::value_storable) {
            static_assert(
                always_false<named, Metric>,
                "typed_metrics: value<Name, T> requires a T that is default-constructible, copyable, equality-comparable and printable with operator<<");
        } else if constexpr (broken == metric_rule::value_nothrow_move) {
            static_assert(always_false<named, Metric>,
                          "typed_metrics: value<Name, T> requires a T whose move assignment is noexcept");
        } else if constexpr (broken == metric_rule::set_element) {
            static_assert(
                always_false<named, Metric>,
                "typed_metrics: set_of<Name, T> requires a T that is default-constructible, copyable, ordered by operator< and printable with operator<<");
        } else if constexpr (broken == metric_rule::map_types) {
            static_assert(
                always_false<named, Metric>,
                "typed_metrics: map_of<Name, K, V> requires a K ordered by operator< and a V that is default-constructible, copyable and equality-comparable, both printable with operator<<");
        } else if constexpr (broken == metric_rule::top_n_capacity) {
            static_assert(always_false<named, Metric>,
                          "typed_metrics: top_n_of<Name, K, V, N> requires a capacity N > 0");
        } else if constexpr (broken == metric_rule::top_n_types) {
            static_assert(
                always_false<named, Metric>,
                "typed_metrics: top_n_of<Name, K, V, N> requires a K and a V that are default-constructible, copyable, ordered by operator< and printable with operator<<");
        } else if constexpr (broken == metric_rule::top_n_capacity_limit) {
            static_assert(
                always_false<named, Metric>,
                "typed_metrics: top_n_of<Name, K, V, N> requires a capacity N <= tmx::max_top_n_capacity (4096)");
        }
#endif
    }
    return true;
}

// After a broken rule, which the schema reported, the size is not checked:
// one error, not two.
template <std::size_t Bytes, bool RulesFollowed>
consteval bool check_record_size() {
    if constexpr (RulesFollowed && Bytes > max_record_bytes) {
        using bytes = std::integral_constant<std::size_t, Bytes>;
        static_assert(
            always_false<bytes>,
            "typed_metrics: schema<...> requires a record of at most tmx::max_record_bytes (1 MiB) of fields, so that a copy of it fits on a thread's stack");
    }
    return true;
}

// The record's storage, its size checked where it is first completed (by a
// context or a record), not where the schema is declared: completing it
// instantiates every field's type (sets, maps, rankings), which a file that
// includes the schema's header without recording does not need.
template <class Indices, class... Metrics>
struct sized_slots : slots<Indices, Metrics...> {
#if TYPED_METRICS_DETAIL_PACK_INDEXING
    static constexpr std::size_t position_of(std::string_view name) noexcept {
        return schema<Metrics...>::name_positions.position_of(name);
    }
#endif
    static_assert(
        check_record_size<sizeof(slots<Indices, Metrics...>),
                          first_broken_metric({types_rule<typename Metrics::types>...}) == sizeof...(Metrics)>());
};

// Takes the schema, not its N tags: a function template instantiated with all
// of them costs the compiler time per tag (see docs/design.md, Compile-time rules).
template <class Schema>
consteval bool check_distinct_names() {
#if TYPED_METRICS_DETAIL_PACK_INDEXING
    constexpr std::size_t duplicate = Schema::name_positions.first_duplicate();
#else
    // Built and dropped in the check: g++ 12 pays for a table kept as a
    // constant (docs/design.md, Storage).
    constexpr std::size_t duplicate = name_table<Schema::size>{Schema::names}.first_duplicate();
#endif
    if constexpr (duplicate < Schema::size) {
#if TYPED_METRICS_DETAIL_SENTENCES
        static_assert(false, duplicate_name_sentence<Schema::template metric_at<duplicate>::name>);
#else
        using named = spelled<metric_named, Schema::template metric_at<duplicate>::name>;
        static_assert(always_false<named>,
                      "typed_metrics: schema<...> requires distinct metric names; this one is declared twice");
#endif
    }
    return true;
}

}  // namespace detail

/// Satisfied by a metric tag that a schema accepts: an identifier for a name
/// and types the record can store, compare and print.
template <class Metric>
concept valid_metric = detail::first_broken_rule<Metric>() == detail::metric_rule::followed;

/// The metrics recorded for one unit of work, declared once in a header as a
/// struct deriving from `schema`:
///
///     struct compile_schema : tmx::schema<tmx::counter<"graph_breaks">,
///                                         tmx::value<"backend", std::string>> {};
///
/// Names must be distinct; the order is the order of printing and export.
/// The struct gives every function instantiated for the schema a short
/// symbol name; an alias (`using compile_schema = tmx::schema<...>;`) spells
/// every metric in each of them, which the compiler pays for with the square
/// of the number of metrics, so a context refuses an alias of more than
/// `max_alias_schema_size` metrics.
template <class... Metrics>
struct schema {
    /// The `schema<...>` itself: a schema declared as a struct derives it.
    using base_schema = schema;
    using storage = detail::sized_slots<std::index_sequence_for<Metrics...>, Metrics...>;

    /// The metric tags as a Hana sequence of `hana::type`s, for compile-time
    /// iteration. A function, so that only code iterating over a schema pays
    /// for building the sequence: a data member would be built with every
    /// schema (see docs/design.md, Compile-time rules).
    static constexpr auto metrics() noexcept { return boost::hana::tuple_t<Metrics...>; }
    static constexpr std::size_t size = sizeof...(Metrics);
    /// The names, in schema order.
    static constexpr std::array<std::string_view, sizeof...(Metrics)> names{Metrics::name.view()...};
#if TYPED_METRICS_DETAIL_PACK_INDEXING
    // The position of each name, for the storage's lookups.
    static constexpr detail::name_table<sizeof...(Metrics)> name_positions{names};
#endif
    /// The tag at position `Index`.
    template <std::size_t Index>
    using metric_at = std::tuple_element_t<Index, std::tuple<Metrics...>>;

    // A broken rule is reported by its own static_assert inside these checks.
    static_assert(
        detail::check_metric<schema, detail::first_broken_metric(
                                         {detail::name_and_types_rule<Metrics::name, typename Metrics::types>...})>() &&
        detail::check_distinct_names<schema>());
};

/// The most metrics a context accepts in a schema declared as an alias,
/// `using S = tmx::schema<...>;` (or `= tmx::merge_schemas<...>`) rather than
/// a struct. An alias costs the compiler more than the struct, ever more
/// with its size (docs/performance.md). Defining
/// TYPED_METRICS_ACCEPT_ANY_ALIAS_SCHEMA lifts the limit (the compile-time
/// benchmark does, to measure the alias).
inline constexpr std::size_t max_alias_schema_size = 64;

namespace detail {

#ifdef TYPED_METRICS_ACCEPT_ANY_ALIAS_SCHEMA
inline constexpr bool accepts_any_alias_schema = true;
#else
inline constexpr bool accepts_any_alias_schema = false;
#endif

// A context of a large schema declared as an alias is refused, with the fix.
template <class Schema>
consteval bool check_schema_declaration() {
    if constexpr (std::is_same_v<Schema, typename Schema::base_schema> && Schema::size > max_alias_schema_size &&
                  !accepts_any_alias_schema) {
        using metrics = std::integral_constant<std::size_t, Schema::size>;
        static_assert(
            always_false<metrics>,
            "typed_metrics: a schema of more than tmx::max_alias_schema_size (64) metrics requires a struct deriving from it (struct my_schema : tmx::schema<...> {};), not an alias (using my_schema = tmx::schema<...>;): an alias spells all its metrics in the symbol name of every function instantiated for it, which costs the compiler time in the square of their number");
    }
    return true;
}

}  // namespace detail

/// Satisfied when `Schema` declares a metric called `Name`.
template <class Schema, fixed_string Name>
concept declared_metric = !std::is_void_v<detail::slot_t<typename Schema::storage, Name>>;

/// The tag (`counter<...>`, `value<...>`, ...) that `Schema` declares as `Name`.
template <class Schema, fixed_string Name>
    requires declared_metric<Schema, Name>
using metric_t = typename detail::slot_t<typename Schema::storage, Name>::metric;

}  // namespace typed_metrics

TYPED_METRICS_DETAIL_SENTENCES_END
