// SPDX-License-Identifier: BSL-1.0
// Which schema a record follows: a hash of the schema's metrics that
// downstream tables can keep beside each row, so that they tell which
// version of the header wrote it.
#pragma once

#include <typed_metrics/detail/duration.hpp>
#include <typed_metrics/detail/numbers.hpp>
#include <typed_metrics/detail/sentence.hpp>
#include <typed_metrics/metric.hpp>
#include <typed_metrics/schema.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace typed_metrics {

/// The name by which `schema_id` knows a type that is not a number, a
/// `std::string` or a duration: by default its name as diagnostics spell it.
/// Specialise it for a type whose spelling is not the same in every file and
/// on every compiler, so that one schema keeps one identity: a template with
/// default arguments (g++ spells them as the file that first named the type
/// did: `fixed<16>` or `fixed<16, 0>`), a type in an inline namespace that
/// changes between versions, a template of a platform's integer aliases.
/// `template <> inline constexpr std::string_view tmx::schema_type_name<app::fixed<16>> = "app::fixed16";`
template <class T>
inline constexpr std::string_view schema_type_name = detail::type_name<T>();

namespace detail {

// 64-bit FNV-1a over the pieces of a metric's description.
struct description_hash {
    std::uint64_t value = 14695981039346656037u;

    constexpr description_hash& operator<<(std::string_view piece) noexcept {
        for (char const c : piece) value = (value ^ static_cast<unsigned char>(c)) * 1099511628211u;
        value = (value ^ 0xffu) * 1099511628211u;  // ends the piece: "ab","c" is not "a","bc"
        return *this;
    }
    constexpr description_hash& operator<<(std::size_t number) noexcept { return *this << decimal{number}.view(); }
};

// A type as the same words on every compiler and platform: numbers by what
// they hold (`int64`, `uint8`, `float64`, `char`), `string`, durations by
// count and unit (`duration int64 us`); any other type by its
// `schema_type_name`.
template <class T>
consteval void describe_type(description_hash& hash) noexcept {
    if constexpr (std::is_same_v<T, bool>) {
        hash << "bool";
    } else if constexpr (one_of<T, char, signed char, unsigned char, wchar_t, char8_t, char16_t, char32_t>) {
        hash << "char" << sizeof(T) << (std::is_signed_v<T> ? "signed" : "unsigned");
    } else if constexpr (std::is_integral_v<T>) {
        hash << (std::is_signed_v<T> ? "int" : "uint") << sizeof(T) * 8;
    } else if constexpr (std::is_floating_point_v<T>) {
        hash << "float" << sizeof(T) * 8;
    } else if constexpr (std::is_same_v<T, std::string>) {
        hash << "string";
    } else if constexpr (chrono_duration<T>) {
        hash << "duration";
        describe_type<typename T::rep>(hash);
        hash << unit_symbol<typename T::period>();
    } else {
        hash << schema_type_name<T>;
    }
}

// One metric: its kind, name and types, and a ranking's capacity.
template <class Metric>
consteval std::uint64_t metric_hash() noexcept {
    using types = typename Metric::types;
    description_hash hash;
    hash << kind_name(types::kind) << Metric::name.view();
    describe_type<typename types::value_type>(hash);
    if constexpr (!std::is_void_v<typename types::key_type>) describe_type<typename types::key_type>(hash);
    hash << types::capacity;
    // A finaliser (splitmix64's), so that the sum below mixes whole words.
    std::uint64_t z = hash.value + 0x9e3779b97f4a7c15u;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

// Each metric's hash, in a constant of its own: one evaluation per metric,
// within the compilers' step limits however many metrics a schema has.
template <class Metric>
inline constexpr std::uint64_t metric_hash_of = metric_hash<Metric>();

// The sum of the metrics' hashes: the same in any order of declaration, as
// a record's metrics are the same columns in any order. A loop, not a fold:
// clang 14 and 19 refuse a fold of more than 256 terms (its bracket depth).
template <class... Metrics>
consteval std::uint64_t schema_hash(schema<Metrics...> const*) noexcept {
    std::uint64_t const hashes[] = {std::uint64_t{sizeof...(Metrics)}, metric_hash_of<Metrics>...};
    std::uint64_t sum = 0;
    for (std::uint64_t const hash : hashes) sum += hash;
    return sum;
}

// An identity as 16 lowercase hexadecimal digits, followed by a NUL so that
// the view's data() is also a C string.
struct id_digits {
    char text[17]{};

    constexpr explicit id_digits(std::uint64_t id) noexcept {
        for (std::size_t i = 16; i-- > 0; id >>= 4) text[i] = "0123456789abcdef"[id & 0xf];
    }
    constexpr std::string_view view() const noexcept { return {text, 16}; }
};

}  // namespace detail

/// A stable identity of `Schema`: a 64-bit hash of its metrics' names, kinds
/// and types (a ranking's capacity among them), the same on every compiler
/// and platform for the same declarations. It changes when a metric is
/// added, removed, renamed or retyped, and not when metrics are reordered,
/// merged from parts in another order, or declared through an alias instead
/// of a struct. Numbers are told by what they hold (`long` and `long long`
/// are both a 64-bit integer on Linux), other types by their name. The JSON
/// Lines sink writes it in each line (`"schema"`) and `json_schema` in the
/// schema's `$id`, in hexadecimal (`schema_id_text`).
template <class Schema>
inline constexpr std::uint64_t schema_id = detail::schema_hash(static_cast<Schema const*>(nullptr));

namespace detail {
template <class Schema>
inline constexpr id_digits id_digits_of{schema_id<Schema>};
}  // namespace detail

/// `schema_id<Schema>` as 16 lowercase hexadecimal digits, as the exports
/// write it (its `data()` is NUL-terminated).
template <class Schema>
inline constexpr std::string_view schema_id_text = detail::id_digits_of<Schema>.view();

}  // namespace typed_metrics
