// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/duration.hpp>
#include <typed_metrics/detail/numbers.hpp>
#include <typed_metrics/top_n.hpp>

#include <cstddef>
#include <iosfwd>
#include <map>
#include <set>
#include <string_view>
#include <type_traits>

namespace typed_metrics::detail {

template <class T>
inline constexpr bool is_std_set = false;
template <class T, class C, class A>
inline constexpr bool is_std_set<std::set<T, C, A>> = true;

template <class T>
inline constexpr bool is_std_map = false;
template <class K, class V, class C, class A>
inline constexpr bool is_std_map<std::map<K, V, C, A>> = true;

template <class T>
inline constexpr bool is_top_n = false;
template <class K, class V, std::size_t N>
inline constexpr bool is_top_n<top_n<K, V, N>> = true;

// Only <iosfwd>: a user type's operator<< is found by argument-dependent
// lookup whether or not <ostream> was included, and the files that only
// record need not pay for <ostream> (see docs/design.md, Compile-time rules).
// (Numbers, which need the stream's own operators, are classified before
// this is asked.)
template <class T>
concept streamable = requires(std::ostream& out, T const& value) { out << value; };

// How a stored type is printed and appears in JSON. One classification
// serves printing, the JSON writer, the nlohmann adapter, the JSON Schema and
// the schema's rules (`printable`), so that a type the schema accepts is one
// that every export writes.
enum class json_shape {
    boolean,   // true / false
    integer,   // a JSON number without fraction
    number,    // a floating-point value; "Infinity", "-Infinity", "NaN" when not finite
    string,    // a string type, escaped
    text,      // any other printable type: its operator<< text, as a string
    array,     // a set: its elements, in order
    object,    // a map: keys as their text, values as JSON
    pairs,     // a top-N ranking: [key, value] pairs, largest first
    duration,  // a std::chrono::duration: its count, in its unit (printed with the unit's symbol)
    none       // none of these: no export writes it, so the schema refuses it
};

template <class T>
consteval json_shape json_shape_of() {
    if constexpr (std::is_same_v<T, bool>)
        return json_shape::boolean;
    else if constexpr (exported_number<T> && std::is_integral_v<T>)
        return json_shape::integer;
    else if constexpr (exported_number<T>)
        return json_shape::number;
    else if constexpr (builtin_number<T>)
        return json_shape::none;
    else if constexpr (std::is_null_pointer_v<T>)
        return json_shape::none;  // converts to std::string_view, unreadably
    else if constexpr (std::is_convertible_v<T const&, std::string_view>)
        return json_shape::string;
    else if constexpr (chrono_duration<T>)
        return json_shape::duration;
    else if constexpr (is_std_set<T>)
        return json_shape::array;
    else if constexpr (is_std_map<T>)
        return json_shape::object;
    else if constexpr (is_top_n<T>)
        return json_shape::pairs;
    else if constexpr (streamable<T>)
        return json_shape::text;
    else
        return json_shape::none;
}

}  // namespace typed_metrics::detail
