// SPDX-License-Identifier: BSL-1.0
// Compile-time guarantees that must hold: this file passes by compiling.
#include "../support/every_kind_schema.hpp"

#include <typed_metrics/typed_metrics.hpp>

#include <boost/hana/equal.hpp>
#include <boost/hana/filter.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/transform.hpp>
#include <boost/hana/tuple.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace tmx = typed_metrics;

namespace static_checks {

using schema = every_kind_schema<3>;

// Lookup by name.
static_assert(tmx::declared_metric<schema, "graph_breaks">);
static_assert(!tmx::declared_metric<schema, "grph_breaks">);
static_assert(std::is_same_v<tmx::metric_t<schema, "compile_ms">, tmx::value<"compile_ms", double>>);
static_assert(tmx::metric_t<schema, "guards">::kind == tmx::metric_kind::set);
static_assert(schema::size == 7);
static_assert(schema::names[6] == "slowest_ops");

// Lookup among names that share prefixes, hash buckets and lengths, in a
// schema large enough for probes to run on past a bucket: every name finds
// its own field, a near name none (on every compiler's lookup path).
struct prefixes_schema : tmx::schema<tmx::counter<"a">, tmx::counter<"ab">, tmx::counter<"abc">, tmx::counter<"b">,
                                     tmx::counter<"ba">, tmx::counter<"_">, tmx::counter<"a1">, tmx::counter<"a2">,
                                     tmx::counter<"a3">, tmx::counter<"a4">, tmx::counter<"a5">, tmx::counter<"a6">,
                                     tmx::counter<"a7">, tmx::counter<"a8">, tmx::counter<"a9">, tmx::counter<"a10">> {
};
template <std::size_t... Position>
constexpr bool every_name_finds_its_field(std::index_sequence<Position...>) {
    return (... && (tmx::metric_t<prefixes_schema, prefixes_schema::metric_at<Position>::name>::name.view() ==
                    prefixes_schema::names[Position]));
}
static_assert(every_name_finds_its_field(std::make_index_sequence<prefixes_schema::size>{}));
static_assert(tmx::detail::slot_t<prefixes_schema::storage, "a10">::index == 15);
static_assert(!tmx::declared_metric<prefixes_schema, "">);
static_assert(!tmx::declared_metric<prefixes_schema, "abcd">);
static_assert(!tmx::declared_metric<prefixes_schema, "a11">);
static_assert(!tmx::declared_metric<prefixes_schema, "A">);
static_assert(!tmx::declared_metric<tmx::schema<>, "a">);

// The names' hash table: the first repeat, and a repeated name's first position.
constexpr tmx::detail::name_table<5> repeated{{"x", "y", "x", "z", "y"}};
static_assert(repeated.first_duplicate() == 2);
static_assert(repeated.position_of("x") == 0 && repeated.position_of("y") == 1 && repeated.position_of("z") == 3);
static_assert(repeated.position_of("w") == 5);
static_assert(tmx::detail::name_table<3>{{"x", "y", "z"}}.first_duplicate() == 3);
// 60 names of one length in 121 buckets: probes pass other names' buckets.
constexpr std::string_view alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr bool every_name_finds_its_position() {
    constexpr std::size_t count = alphabet.size() - 2;
    std::array<std::string_view, count> names{};
    for (std::size_t i = 0; i < count; ++i) names[i] = alphabet.substr(i, 3);
    tmx::detail::name_table<count> const table{names};
    for (std::size_t i = 0; i < count; ++i) {
        if (table.position_of(names[i]) != i || table.position_of(alphabet.substr(i, 2)) != count) return false;
    }
    return table.first_duplicate() == count && table.position_of("cba") == count;
}
static_assert(every_name_finds_its_position());
static_assert(tmx::detail::name_table<0>{{}}.position_of("x") == 0);

// Each operation: the right kind and a non-narrowing value are accepted...
static_assert(tmx::can_increment<schema, "graph_breaks", int>);
static_assert(tmx::can_increment<schema, "cache_bytes", unsigned>);
static_assert(tmx::can_set<schema, "backend", char const (&)[9]>);
static_assert(tmx::can_set<schema, "backend", std::string_view>);
static_assert(tmx::can_set<schema, "compile_ms", double>);
static_assert(tmx::can_set<schema, "compile_ms", float>);
static_assert(tmx::can_add_to_set<schema, "guards", char const*>);
static_assert(tmx::can_set_key_value<schema, "feature_usage", std::string, bool>);
static_assert(tmx::can_add_top_n<schema, "slowest_ops", char const*, int>);

// ...an unknown name is not...
static_assert(!tmx::can_increment<schema, "grph_breaks", int>);
static_assert(!tmx::can_set<schema, "bakend", std::string>);

// ...nor the wrong kind...
static_assert(!tmx::can_increment<schema, "backend", int>);
static_assert(!tmx::can_set<schema, "graph_breaks", std::int64_t>);
static_assert(!tmx::can_add_to_set<schema, "graph_breaks", int>);
static_assert(!tmx::can_set_key_value<schema, "guards", std::string, bool>);
static_assert(!tmx::can_add_top_n<schema, "feature_usage", std::string, bool>);

// ...nor a narrowing or foreign value, key or element.
static_assert(!tmx::can_increment<schema, "graph_breaks", double>);
static_assert(!tmx::can_increment<schema, "cache_bytes", int>);  // signed into unsigned
static_assert(!tmx::can_set<schema, "compile_ms", int>);         // int into double
static_assert(!tmx::can_set<schema, "compile_ms", char const*>);
static_assert(!tmx::can_set<schema, "backend", int>);
static_assert(!tmx::can_add_to_set<schema, "guards", int>);
static_assert(!tmx::can_set_key_value<schema, "feature_usage", int, bool>);
static_assert(!tmx::can_set_key_value<schema, "feature_usage", std::string, char const*>);  // pointer into bool
static_assert(!tmx::can_add_top_n<schema, "slowest_ops", int, int>);
static_assert(!tmx::can_add_top_n<schema, "slowest_ops", std::string, double>);

// List-initialisation alone would take these; they are refused. An explicit
// operator bool into a bool, an integer into a scoped enumeration, nullptr
// into a string.
static_assert(!tmx::can_set_key_value<schema, "feature_usage", std::string, std::unique_ptr<int>>);
static_assert(!tmx::can_set_key_value<schema, "feature_usage", std::string, std::optional<bool>>);
static_assert(!tmx::can_set<schema, "backend", std::nullptr_t>);
static_assert(!tmx::can_add_to_set<schema, "guards", std::nullptr_t const&>);
static_assert(!tmx::can_add_top_n<schema, "slowest_ops", std::nullptr_t, int>);
static_assert(!tmx::can_set<schema, "backend", bool>);
static_assert(!tmx::can_add_to_set<schema, "guards", bool const&>);
enum class phase : int { parse, lower };
static_assert(!tmx::converts_without_narrowing<int, phase>);
static_assert(tmx::converts_without_narrowing<phase, phase>);
// What they are refused for stays accepted: an explicit constructor into a
// class type (a string from a string_view), a bool into a bool.
static_assert(tmx::converts_without_narrowing<std::string_view, std::string>);
static_assert(tmx::can_set_key_value<schema, "feature_usage", std::string_view, bool const&>);

// update(...), update_outer(...) and extras: named, known value metrics,
// non-narrowing values, each name once.
static_assert(
    tmx::can_update<schema, tmx::named_arg<"backend", char const (&)[6]>, tmx::named_arg<"compile_ms", double>>);
static_assert(tmx::can_update<schema>);
static_assert(!tmx::can_update<schema, double>);
static_assert(!tmx::can_update<schema, tmx::named_arg<"bakend", std::string>>);
static_assert(!tmx::can_update<schema, tmx::named_arg<"graph_breaks", int>>);
static_assert(!tmx::can_update<schema, tmx::named_arg<"compile_ms", int>>);
static_assert(!tmx::can_update<schema, tmx::named_arg<"compile_ms", double>, tmx::named_arg<"compile_ms", double>>);

// The schema's rules, one per tag.
struct opaque {
    friend bool operator==(opaque, opaque) = default;
};
static_assert(tmx::valid_metric<tmx::counter<"graph_breaks">>);
static_assert(tmx::valid_metric<tmx::value<"_private2", std::string>>);
static_assert(!tmx::valid_metric<tmx::counter<"">>);
static_assert(!tmx::valid_metric<tmx::counter<"compile ms">>);
static_assert(!tmx::valid_metric<tmx::counter<"2fast">>);
static_assert(!tmx::valid_metric<tmx::counter<"say\"hi\"">>);
static_assert(!tmx::valid_metric<tmx::counter<"flag", bool>>);
static_assert(!tmx::valid_metric<tmx::counter<"count", std::string>>);
static_assert(!tmx::valid_metric<tmx::value<"where", opaque>>);
static_assert(!tmx::valid_metric<tmx::set_of<"places", opaque>>);
static_assert(!tmx::valid_metric<tmx::map_of<"where", opaque, int>>);
static_assert(tmx::valid_metric<tmx::top_n_of<"slowest", std::string, double, 1>>);
static_assert(!tmx::valid_metric<tmx::top_n_of<"slowest", std::string, double, 0>>);
static_assert(!tmx::valid_metric<tmx::top_n_of<"slowest", opaque, double, 3>>);
// A record owns what it holds: no views, no pointers...
static_assert(!tmx::valid_metric<tmx::value<"unit", std::string_view>>);
static_assert(!tmx::valid_metric<tmx::value<"unit", std::wstring_view>>);
static_assert(!tmx::valid_metric<tmx::value<"unit", char*>>);
static_assert(!tmx::valid_metric<tmx::value<"best", int const*>>);
static_assert(!tmx::valid_metric<tmx::value<"none", std::nullptr_t>>);
static_assert(!tmx::valid_metric<tmx::value<"shape", std::span<int const>>>);
static_assert(!tmx::valid_metric<tmx::set_of<"tags", char const*>>);
static_assert(!tmx::valid_metric<tmx::map_of<"kv", std::string_view, int>>);
static_assert(!tmx::valid_metric<tmx::map_of<"kv", std::string, double*>>);
static_assert(!tmx::valid_metric<tmx::top_n_of<"slowest", std::string_view, int, 3>>);
static_assert(!tmx::valid_metric<tmx::top_n_of<"slowest", std::string, void (*)(), 3>>);
// ...and numbers that every export writes exactly: no long double, no
// extended types (`__int128` is arithmetic here, under -std=gnu++20).
__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;
static_assert(!tmx::valid_metric<tmx::value<"big", int128>>);
static_assert(!tmx::valid_metric<tmx::counter<"bytes", uint128>>);
static_assert(!tmx::valid_metric<tmx::set_of<"ratios", long double>>);
static_assert(!tmx::valid_metric<tmx::counter<"ratio", long double>>);
static_assert(tmx::valid_metric<tmx::counter<"ratio", float>>);
// Durations: a counter of a named unit and an arithmetic count, nothing else.
static_assert(tmx::valid_metric<tmx::counter<"compile", std::chrono::microseconds>>);
static_assert(tmx::valid_metric<tmx::counter<"compile", std::chrono::duration<double>>>);
static_assert(tmx::valid_metric<tmx::counter<"compile", std::chrono::hours>>);
static_assert(!tmx::valid_metric<tmx::counter<"compile", std::chrono::duration<std::int64_t, std::centi>>>);
static_assert(!tmx::valid_metric<tmx::counter<"compile", std::chrono::duration<bool>>>);
static_assert(!tmx::valid_metric<tmx::counter<"compile", std::chrono::duration<long double>>>);
static_assert(!tmx::valid_metric<tmx::value<"timeout", std::chrono::seconds>>);
static_assert(!tmx::valid_metric<tmx::set_of<"timeouts", std::chrono::seconds>>);
static_assert(!tmx::valid_metric<tmx::map_of<"by_wait", std::chrono::seconds, int>>);
static_assert(!tmx::valid_metric<tmx::top_n_of<"slowest", std::string, std::chrono::seconds, 3>>);

// Duration counters take durations that std::chrono converts without loss,
// and timers only time them.
using timed_schema = tmx::schema<tmx::counter<"compile", std::chrono::microseconds>,
                                 tmx::counter<"seconds", std::chrono::duration<double>>, tmx::counter<"count">>;
static_assert(tmx::can_increment<timed_schema, "compile", std::chrono::microseconds>);
static_assert(tmx::can_increment<timed_schema, "compile", std::chrono::milliseconds const&>);
static_assert(tmx::can_increment<timed_schema, "compile", std::chrono::duration<int, std::milli>>);
static_assert(!tmx::can_increment<timed_schema, "compile", std::chrono::nanoseconds>);
static_assert(!tmx::can_increment<timed_schema, "compile", std::chrono::duration<double, std::micro>>);
static_assert(!tmx::can_increment<timed_schema, "compile", int>);
static_assert(!tmx::can_increment<timed_schema, "compile", std::int64_t>);
static_assert(tmx::can_increment<timed_schema, "seconds", std::chrono::nanoseconds>);
static_assert(!tmx::can_increment<timed_schema, "seconds", double>);
static_assert(!tmx::can_increment<timed_schema, "count", std::chrono::seconds>);
static_assert(tmx::can_time<timed_schema, "compile">);
static_assert(tmx::can_time<timed_schema, "seconds">);
static_assert(!tmx::can_time<timed_schema, "count">);
static_assert(!tmx::can_time<timed_schema, "compil">);
static_assert(!tmx::can_time<schema, "backend">);
static_assert(tmx::valid_metric<tmx::set_of<"code_points", char32_t>>);

// Scopes end a unit of work when destroyed: never copied, moved without
// throwing, destroyed without throwing; contexts are pinned (scopes point to them).
using context = tmx::metrics_context<schema>;
using scope = context::scope;
static_assert(!std::is_copy_constructible_v<scope> && !std::is_copy_assignable_v<scope>);
static_assert(std::is_nothrow_move_constructible_v<scope>);
static_assert(std::is_nothrow_destructible_v<scope>);
static_assert(std::is_nothrow_destructible_v<context>);
static_assert(!std::is_copy_constructible_v<context> && !std::is_move_constructible_v<context>);

// Contexts are built from anything an on_exit_fn is built from: `{}` (no
// callback) too, as when the constructor took an on_exit_fn; never from what
// cannot be called with an exit_info.
template <class Context>
constexpr bool built_from_braces = requires { Context({}); };
static_assert(built_from_braces<context> && built_from_braces<tmx::metrics_context<schema, tmx::disabled>>);
static_assert(built_from_braces<tmx::runtime_metrics_context<schema>>);
static_assert(built_from_braces<tmx::runtime_metrics_context<schema, tmx::disabled>>);
static_assert(!std::is_constructible_v<context, int> && !std::is_constructible_v<context, void (*)(int)>);

// The runtime context finishes a pending record when destroyed: never copied
// (the copy would report it again), and neither finish() nor the destructor
// throws (what on_exit throws goes to on_error).
using runtime = tmx::runtime_metrics_context<schema>;
static_assert(!std::is_copy_constructible_v<runtime> && !std::is_move_constructible_v<runtime>);
static_assert(std::is_nothrow_destructible_v<runtime>);
static_assert(noexcept(std::declval<runtime&>().finish()));
static_assert(std::is_constructible_v<runtime, std::nullptr_t> && !std::is_constructible_v<runtime, int>);

// Names are compared by content, whatever their length.
static_assert(tmx::fixed_string("abc") == tmx::fixed_string("abc"));
static_assert(!(tmx::fixed_string("abc") == tmx::fixed_string("abcd")));

// Introspection: the tags are a Hana sequence, so a schema can be walked
// and filtered at compile time (the exporters do).
namespace hana = boost::hana;
constexpr auto counters = hana::filter(schema::metrics(), [](auto metric) {
    return hana::bool_c < decltype(metric)::type::kind == tmx::metric_kind::counter > ;
});
static_assert(hana::length(counters) == hana::size_c<2>);
static_assert(hana::transform(counters, [](auto metric) {
                  return hana::type_c<typename decltype(metric)::type::value_type>;
              }) == hana::tuple_t<std::int64_t, std::uint64_t>);
static_assert(hana::transform(schema::metrics(), [](auto metric) { return decltype(metric)::type::kind; }) ==
              hana::make_tuple(tmx::metric_kind::counter, tmx::metric_kind::counter, tmx::metric_kind::value,
                               tmx::metric_kind::value, tmx::metric_kind::set, tmx::metric_kind::map,
                               tmx::metric_kind::top_n));

// Composition: parts declared apart (one a named struct, as recommended)
// merge in order; merging one part or none is allowed.
struct frontend : tmx::schema<tmx::counter<"tokens">, tmx::value<"unit", std::string>> {};
using backend = tmx::schema<tmx::counter<"code_bytes", std::uint64_t>>;
struct linker : tmx::schema<tmx::set_of<"symbols", std::string>> {};
static_assert(
    std::is_same_v<tmx::merge_schemas<frontend, backend, linker>,
                   tmx::schema<tmx::counter<"tokens">, tmx::value<"unit", std::string>,
                               tmx::counter<"code_bytes", std::uint64_t>, tmx::set_of<"symbols", std::string>>>);
static_assert(
    std::is_same_v<tmx::merge_schemas<frontend>, tmx::schema<tmx::counter<"tokens">, tmx::value<"unit", std::string>>>);
static_assert(std::is_same_v<tmx::merge_schemas<>, tmx::schema<>>);
struct compile_metrics : tmx::merge_schemas<frontend, backend, linker> {};
static_assert(tmx::can_add_to_set<compile_metrics, "symbols", char const*>);
static_assert(tmx::can_increment<compile_metrics, "tokens", int>);

// The operations are not constrained: a mistake is one error from inside the
// call, with its message, so a requires-expression on a call holds even
// where the call cannot compile. Generic code asks the can_* concepts.
template <class Context>
concept increments_zzz = requires(Context& ctx) { ctx.template increment<"zzz">(1); };
static_assert(increments_zzz<context>);
static_assert(!tmx::can_increment<schema, "zzz", int>);

// Type names in diagnostics read the same on clang and g++.
static_assert(tmx::detail::type_name<std::string>() == "std::string");
static_assert(tmx::detail::type_name<std::string_view>() == "std::string_view");
static_assert(tmx::detail::type_name<char const*>() == "const char*");
static_assert(tmx::detail::type_name<std::int64_t>() == "std::int64_t");
static_assert(tmx::detail::type_name<std::uint64_t>() == "std::uint64_t");
static_assert(tmx::detail::type_name<unsigned>() == "unsigned int");
static_assert(tmx::detail::type_name<std::pair<std::string, unsigned short>>() ==
              "std::pair<std::string, unsigned short>");
static_assert(tmx::detail::type_name<std::optional<std::wstring_view>>() == "std::optional<std::wstring_view>");
// std::chrono's aliases by their names; another count or unit as spelled.
static_assert(tmx::detail::type_name<std::chrono::microseconds>() == "std::chrono::microseconds");
static_assert(tmx::detail::type_name<std::chrono::nanoseconds>() == "std::chrono::nanoseconds");
static_assert(tmx::detail::type_name<std::chrono::hours>() == "std::chrono::hours");
static_assert(tmx::detail::type_name<std::chrono::duration<int, std::micro>>() ==
              "std::chrono::duration<int, std::ratio<1, 1000000>>");
static_assert(tmx::detail::type_name<std::chrono::duration<double, std::milli>>() ==
              "std::chrono::duration<double, std::ratio<1, 1000>>");

}  // namespace static_checks
