// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace typed_metrics::detail {

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

// Appends `text` as a quoted string with JSON's escapes. JSON text must be
// UTF-8, so `valid_utf8_only` replaces every byte that does not start a
// well-formed sequence with U+FFFD; without it the bytes are kept as they are
// (the record's printed form, which must show them).
inline void append_quoted(std::string& out, std::string_view text, bool valid_utf8_only) {
    constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t at = 0; at < text.size();) {
        char const c = text[at];
        std::size_t const length = valid_utf8_only ? utf8_sequence_length(text, at) : 1;
        if (length == 0) {
            out += "\\ufffd";
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

// `text` with every byte that does not start a well-formed UTF-8 sequence
// replaced by U+FFFD, for JSON libraries that reject such strings.
inline std::string valid_utf8(std::string_view text) {
    std::string valid;
    valid.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        std::size_t const length = utf8_sequence_length(text, at);
        if (length == 0) {
            valid += "\xef\xbf\xbd";
            ++at;
        } else {
            valid.append(text.substr(at, length));
            at += length;
        }
    }
    return valid;
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
