// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/json_shape.hpp>
#include <typed_metrics/detail/text_format.hpp>

#include <cmath>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace typed_metrics::detail {

// Everything here takes the stream as a template parameter: the bodies are
// then compiled where a record is printed, where the stream type is complete,
// and <ostream> need not be included by every file that records
// (see docs/design.md, Compile-time rules).

// Strings print quoted, with JSON's escapes, so that a printed record can be
// read back unambiguously whatever bytes a value holds.
template <class Ostream>
void print_quoted(Ostream& out, std::string_view text) {
    std::string quoted;
    append_quoted(quoted, text, /*valid_utf8_only=*/false);
    out << quoted;
}

template <class Ostream, class Range, class PrintElement>
void print_joined(Ostream& out, char open, Range const& range, char close, PrintElement print_element) {
    out << open;
    char const* separator = "";
    for (auto const& element : range) {
        out << std::exchange(separator, ", ");
        print_element(element);
    }
    out << close;
}

template <class Ostream, class T>
void print_value(Ostream& out, T const& value) {
    constexpr json_shape shape = json_shape_of<T>();
    if constexpr (shape == json_shape::boolean) {
        out << (value ? "true" : "false");
    } else if constexpr (shape == json_shape::integer) {
        out << +value;  // `+` prints character types as numbers
    } else if constexpr (shape == json_shape::number) {
        std::string digits;  // the shortest form that reads back as the same value
        append_number(digits, value);
        out << digits;
    } else if constexpr (shape == json_shape::string) {
        print_quoted(out, value);
    } else if constexpr (shape == json_shape::text) {
        out << value;
    } else if constexpr (shape == json_shape::array) {
        print_joined(out, '{', value, '}', [&](auto const& element) { print_value(out, element); });
    } else if constexpr (shape == json_shape::object) {
        print_joined(out, '{', value, '}', [&](auto const& entry) {
            print_value(out, entry.first);
            out << ": ";
            print_value(out, entry.second);
        });
    } else if constexpr (shape == json_shape::pairs) {
        print_joined(out, '[', value, ']', [&](auto const& entry) {
            out << '(';
            print_value(out, entry.first);
            out << ", ";
            print_value(out, entry.second);
            out << ')';
        });
    } else if constexpr (shape == json_shape::duration) {
        print_value(out, value.count());
        // `12ms`, `340us`; a count that is not finite keeps its unit apart:
        // `nan s`, as `nans` would read as a word.
        if constexpr (std::is_floating_point_v<typename T::rep>) {
            if (!std::isfinite(value.count())) out << ' ';
        }
        out << unit_symbol<typename T::period>();
    }
    // json_shape::none: a type the schema refused, and reported; nothing more to compile.
}

}  // namespace typed_metrics::detail
