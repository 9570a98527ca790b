// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/json_text.hpp>
#include <typed_metrics/top_n.hpp>

#include <cstddef>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace typed_metrics::detail {

// Strings print quoted, with JSON's escapes, so that a printed record can be
// read back unambiguously whatever bytes a value holds.
inline void print_quoted(std::ostream& out, std::string_view text) {
    std::string quoted;
    append_quoted(quoted, text, /*valid_utf8_only=*/false);
    out << quoted;
}

// What a record can print as a metric, a set element, a map key or value,
// or a ranking's key or value.
template <class T>
concept printable = std::is_arithmetic_v<T> || std::is_convertible_v<T const&, std::string_view> ||
                    requires(std::ostream& out, T const& value) { out << value; };

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

template <class Range, class PrintElement>
void print_joined(std::ostream& out, char open, Range const& range, char close, PrintElement print_element) {
    out << open;
    char const* separator = "";
    for (auto const& element : range) {
        out << std::exchange(separator, ", ");
        print_element(element);
    }
    out << close;
}

template <class T>
void print_value(std::ostream& out, T const& value) {
    if constexpr (std::is_same_v<T, bool>) {
        out << (value ? "true" : "false");
    } else if constexpr (std::is_floating_point_v<T>) {
        std::string digits;  // the shortest form that reads back as the same value
        append_number(digits, value);
        out << digits;
    } else if constexpr (std::is_arithmetic_v<T>) {
        out << +value;  // `+` prints character types as numbers
    } else if constexpr (std::is_convertible_v<T const&, std::string_view>) {
        print_quoted(out, value);
    } else if constexpr (is_std_set<T>) {
        print_joined(out, '{', value, '}', [&](auto const& element) { print_value(out, element); });
    } else if constexpr (is_std_map<T>) {
        print_joined(out, '{', value, '}', [&](auto const& entry) {
            print_value(out, entry.first);
            out << ": ";
            print_value(out, entry.second);
        });
    } else if constexpr (is_top_n<T>) {
        print_joined(out, '[', value, ']', [&](auto const& entry) {
            out << '(';
            print_value(out, entry.first);
            out << ", ";
            print_value(out, entry.second);
            out << ')';
        });
    } else {
        out << value;
    }
}

}  // namespace typed_metrics::detail
