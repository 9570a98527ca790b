// SPDX-License-Identifier: BSL-1.0
// The schema's identity changes with what a row's columns are, and only then.
#include "../support/fixed_point.hpp"

#include <typed_metrics/merge_schemas.hpp>
#include <typed_metrics/metric.hpp>
#include <typed_metrics/schema.hpp>
#include <typed_metrics/schema_id.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory_resource>
#include <string>
#include <string_view>
#include <utility>

namespace tmx = typed_metrics;

namespace schema_id_checks {

struct base
    : tmx::schema<tmx::counter<"graph_breaks">, tmx::value<"backend", std::string>, tmx::set_of<"guards", std::string>,
                  tmx::map_of<"usage", std::string, bool>, tmx::top_n_of<"slowest", std::string, double, 5>,
                  tmx::counter<"compile", std::chrono::microseconds>> {};
constexpr std::uint64_t id = tmx::schema_id<base>;

// The same on every compiler and platform: each compiler of the test runs
// checks these figures (a change to how the identity is computed changes
// every downstream table's key, and must be a deliberate one).
static_assert(id == 0x651200da0ffd5541u);
static_assert(tmx::schema_id_text<base> == "651200da0ffd5541");
static_assert(tmx::schema_id<tmx::schema<>> == 0);

// Not a change: the order, the form of the declaration, merging, and the
// spelling of the same number type.
static_assert(tmx::schema_id<tmx::schema<tmx::counter<"compile", std::chrono::microseconds>,
                                         tmx::top_n_of<"slowest", std::string, double, 5>,
                                         tmx::map_of<"usage", std::string, bool>, tmx::set_of<"guards", std::string>,
                                         tmx::value<"backend", std::string>, tmx::counter<"graph_breaks">>> == id);
struct front : tmx::schema<tmx::counter<"graph_breaks">, tmx::value<"backend", std::string>,
                           tmx::set_of<"guards", std::string>> {};
struct back : tmx::schema<tmx::map_of<"usage", std::string, bool>, tmx::top_n_of<"slowest", std::string, double, 5>,
                          tmx::counter<"compile", std::chrono::microseconds>> {};
static_assert(tmx::schema_id<tmx::merge_schemas<back, front>> == id);
static_assert(tmx::schema_id<tmx::schema<tmx::counter<"n", long>>> ==
              tmx::schema_id<tmx::schema<tmx::counter<"n", long long>>>);

// A change: a metric added, removed, renamed, or retyped in any of its types
// or its kind.
template <class... Metrics>
constexpr std::uint64_t with = tmx::schema_id<tmx::schema<
    tmx::value<"backend", std::string>, tmx::set_of<"guards", std::string>, tmx::map_of<"usage", std::string, bool>,
    tmx::top_n_of<"slowest", std::string, double, 5>, tmx::counter<"compile", std::chrono::microseconds>, Metrics...>>;
static_assert(with<tmx::counter<"graph_breaks">> == id);
static_assert(with<> != id);
static_assert(with<tmx::counter<"graph_breaks">, tmx::counter<"recompiles">> != id);
static_assert(with<tmx::counter<"graph_break">> != id);
static_assert(with<tmx::counter<"graph_breaks", double>> != id);
static_assert(with<tmx::counter<"graph_breaks", std::int32_t>> != id);
static_assert(with<tmx::counter<"graph_breaks", std::uint64_t>> != id);
static_assert(with<tmx::value<"graph_breaks", std::int64_t>> != id);
static_assert(tmx::schema_id<tmx::schema<tmx::counter<"d", std::chrono::microseconds>>> !=
              tmx::schema_id<tmx::schema<tmx::counter<"d", std::chrono::milliseconds>>>);
static_assert(tmx::schema_id<tmx::schema<tmx::counter<"d", std::chrono::microseconds>>> !=
              tmx::schema_id<tmx::schema<tmx::counter<"d">>>);
static_assert(tmx::schema_id<tmx::schema<tmx::top_n_of<"t", std::string, double, 5>>> !=
              tmx::schema_id<tmx::schema<tmx::top_n_of<"t", std::string, double, 6>>>);
static_assert(tmx::schema_id<tmx::schema<tmx::map_of<"m", std::string, bool>>> !=
              tmx::schema_id<tmx::schema<tmx::map_of<"m", bool, std::string>>>);
static_assert(tmx::schema_id<tmx::schema<tmx::set_of<"s", std::string>>> !=
              tmx::schema_id<tmx::schema<tmx::value<"s", std::string>>>);
// Two metrics whose descriptions would run together without a separator.
static_assert(tmx::schema_id<tmx::schema<tmx::value<"ab", std::string>>> !=
              tmx::schema_id<tmx::schema<tmx::value<"a", std::string>>>);
// Swapping the types of two metrics is a change, though the same types remain.
static_assert(tmx::schema_id<tmx::schema<tmx::counter<"a">, tmx::counter<"b", double>>> !=
              tmx::schema_id<tmx::schema<tmx::counter<"a", double>, tmx::counter<"b">>>);

}  // namespace schema_id_checks

namespace {
enum class phase { parse, codegen };
}  // namespace

// A type in an unnamed namespace reads the same on clang and g++.
static_assert(tmx::detail::type_name<phase>() == "{anonymous}::phase");

// So does a type in libstdc++'s inline namespace __cxx11 outside std itself,
// which g++ names and clang does not: the identity is the same on both.
static_assert(tmx::detail::type_name<std::filesystem::path>() == "std::filesystem::path");
static_assert(tmx::schema_id<tmx::schema<tmx::set_of<"files", std::filesystem::path>>> == 0xc24bace807a9d44u);
// And in its inline namespace _V2: the clocks, and so std::chrono::sys_seconds
// (whose count libc++ declares long long, and so names differently).
static_assert(tmx::detail::type_name<std::chrono::steady_clock>() == "std::chrono::steady_clock");
#if defined(__GLIBCXX__)
static_assert(tmx::schema_id<tmx::schema<tmx::value<"started", std::chrono::sys_seconds>>> == 0xf725c49f1e43c65cu);
#endif
// Strings by the names libc++ gives them, which clang prints with libc++.
static_assert(tmx::detail::type_name<std::pmr::string>() == "std::pmr::string");
static_assert(tmx::detail::type_name<std::u8string>() == "std::u8string");
static_assert(tmx::schema_id<tmx::schema<tmx::value<"v", std::pmr::string>>> == 0xc784262cdc8eba32u);

// A schema of more metrics than clang 14 and 19 take in a fold expression
// (256): its identity compiles on every compiler, and is the same.
namespace wide_schema_checks {

template <std::size_t Number>
struct numbered {
    static constexpr char name[] = {'m', static_cast<char>('0' + Number / 100 % 10),
                                    static_cast<char>('0' + Number / 10 % 10), static_cast<char>('0' + Number % 10), 0};
};

template <std::size_t... Numbers>
tmx::schema<tmx::counter<numbered<Numbers>::name>...> counters(std::index_sequence<Numbers...>);

struct wide : decltype(counters(std::make_index_sequence<300>{})){};
static_assert(tmx::schema_id<wide> == 0xc656b9c07861cc52u);

}  // namespace wide_schema_checks

// A type whose name is thousands of characters long (Boost.Units'
// quantities are over a thousand): its spelling stays within clang's step
// limit, and reads the same on every compiler.
namespace long_type_name_checks {

template <std::size_t Number>
struct tag {};

template <class... Tags>
struct long_named {
    friend bool operator==(long_named, long_named) = default;
    friend auto operator<=>(long_named, long_named) = default;
    template <class Ostream>
    friend Ostream& operator<<(Ostream& out, long_named) {
        return out;
    }
};

template <std::size_t... Numbers>
long_named<tag<Numbers>...> tags(std::index_sequence<Numbers...>);

using long_type = decltype(tags(std::make_index_sequence<150>{}));
static_assert(tmx::detail::type_name<long_type>().size() > 4000);
static_assert(tmx::schema_id<tmx::schema<tmx::set_of<"s", long_type>>> == 0xe0c043a6a1f467edu);

}  // namespace long_type_name_checks

// A type whose spelling is not the same everywhere declares the name its
// identity uses (`app::fixed`, tests/support/fixed_point.hpp): then only that
// name counts.
namespace declared_name_checks {

using app::fixed;

// The default spelling is the compiler's; the declared one replaces it, for
// every spelling of the same type.
static_assert(tmx::schema_type_name<fixed<8>> == tmx::detail::type_name<fixed<8>>());
static_assert(tmx::schema_type_name<fixed<16, 0>> == "app::fixed16");
static_assert(tmx::schema_id<tmx::schema<tmx::value<"f", fixed<16>>>> !=
              tmx::schema_id<tmx::schema<tmx::value<"f", fixed<8>>>>);
static_assert(tmx::schema_id<tmx::schema<tmx::value<"f", fixed<16>>>> == 0xf9fa107fb51f73dau);

}  // namespace declared_name_checks
