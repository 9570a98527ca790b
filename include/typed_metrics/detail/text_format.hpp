// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace typed_metrics::detail {

// How text and numbers are written out, shared by printing (detail/print.hpp),
// JSON (json.hpp, json_schema.hpp) and Prometheus (prometheus.hpp): quoting
// and escaping, UTF-8 validation, numbers in the shortest form that reads back.

// The length of the well-formed UTF-8 sequence starting at `text[at]`
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or 0.
constexpr std::size_t utf8_sequence_length(std::string_view text, std::size_t at) noexcept {
    auto const byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
    auto const continuation = [&](std::size_t i, unsigned low = 0x80, unsigned high = 0xbf) {
        return byte(i) >= low && byte(i) <= high;
    };
    unsigned const lead = byte(at);
    if (lead < 0x80) return 1;
    if (lead >= 0xc2 && lead <= 0xdf) return continuation(at + 1) ? 2 : 0;
    if (lead >= 0xe0 && lead <= 0xef) {
        unsigned const low = lead == 0xe0 ? 0xa0 : 0x80;
        unsigned const high = lead == 0xed ? 0x9f : 0xbf;
        return continuation(at + 1, low, high) && continuation(at + 2) ? 3 : 0;
    }
    if (lead >= 0xf0 && lead <= 0xf4) {
        unsigned const low = lead == 0xf0 ? 0x90 : 0x80;
        unsigned const high = lead == 0xf4 ? 0x8f : 0xbf;
        return continuation(at + 1, low, high) && continuation(at + 2) && continuation(at + 3) ? 4 : 0;
    }
    return 0;
}

// JSON text is Unicode, a recorded string is bytes: a byte that is not part
// of well-formed UTF-8 is written as the private-use code point U+EF00 + byte
// (U+EF80..U+EFFF), and so is each byte of a well-formed U+EF80..U+EFFF in the
// input, so that every JSON string reads back to exactly one byte string: a
// character in U+EF80..U+EFFF is the byte (code point - 0xEF00), any other
// character its UTF-8. Valid UTF-8 without those code points is unchanged,
// and the output is always valid UTF-8, which strict parsers require.
inline constexpr unsigned raw_byte_base = 0xef00;

// How many bytes at `text[at]` are written as they are: a well-formed
// sequence outside U+EF80..U+EFFF (whose UTF-8 is EE BE xx or EE BF xx), or 0
// when the byte there is written as a raw-byte code point.
constexpr std::size_t kept_length(std::string_view text, std::size_t at) noexcept {
    std::size_t const length = utf8_sequence_length(text, at);
    bool const raw_byte_range = length == 3 && static_cast<unsigned char>(text[at]) == 0xee &&
                                (static_cast<unsigned char>(text[at + 1]) & 0xfe) == 0xbe;
    return raw_byte_range ? 0 : length;
}

// Appends the UTF-8 of U+EF00 + `byte` (a byte >= 0x80: ASCII is always kept).
inline void append_raw_byte(std::string& out, unsigned char byte) {
    unsigned const code_point = raw_byte_base + byte;
    out += static_cast<char>(0xe0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code_point & 0x3f));
}

// Appends `text` as a quoted string with JSON's escapes. JSON text must be
// UTF-8, so `valid_utf8_only` writes the bytes that are not as raw-byte code
// points (above); without it the bytes are kept as they are (the record's
// printed form, which must show them).
inline void append_quoted(std::string& out, std::string_view text, bool valid_utf8_only) {
    constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t at = 0; at < text.size();) {
        char const c = text[at];
        std::size_t const length = valid_utf8_only ? kept_length(text, at) : 1;
        if (length == 0) {
            append_raw_byte(out, static_cast<unsigned char>(c));
            ++at;
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "\\u00";
                    out += hex[(c >> 4) & 0xf];
                    out += hex[c & 0xf];
                } else {
                    out.append(text.substr(at, length));
                }
        }
        at += length;
    }
    out += '"';
}

// `text` as a JSON string holds it, unquoted and unescaped: raw-byte code
// points as above, for JSON libraries that take the string's characters.
inline std::string json_string_text(std::string_view text) {
    std::string converted;
    converted.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        std::size_t const length = kept_length(text, at);
        if (length == 0) {
            append_raw_byte(converted, static_cast<unsigned char>(text[at]));
            ++at;
        } else {
            converted.append(text.substr(at, length));
            at += length;
        }
    }
    return converted;
}

// JSON has no infinities or NaN: a non-finite floating-point value is written
// as one of these strings, which JavaScript's Number(), Python's float() and
// C's strtod read back. The array is the JSON Schema's enum of them.
inline constexpr std::string_view non_finite_names[] = {"Infinity", "-Infinity", "NaN"};

template <class T>
std::string_view non_finite_name(T value) noexcept {
    return std::isnan(value) ? non_finite_names[2] : value > 0 ? non_finite_names[0] : non_finite_names[1];
}

// Appends a number: integers in decimal (character types too), floating-point
// values in the shortest form that reads back as the same value.
template <class T>
    requires std::is_arithmetic_v<T>
void append_number(std::string& out, T value) {
    char digits[32];
    std::to_chars_result result;
    if constexpr (std::is_integral_v<T> && sizeof(T) < sizeof(int)) {
        using widened = std::conditional_t<std::is_signed_v<T>, int, unsigned>;  // characters print as numbers
        result = std::to_chars(digits, digits + sizeof digits, static_cast<widened>(value));
    } else {
        result = std::to_chars(digits, digits + sizeof digits, value);
    }
    out.append(digits, result.ptr);
}

}  // namespace typed_metrics::detail
