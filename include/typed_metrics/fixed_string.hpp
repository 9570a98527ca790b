// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <string_view>

namespace typed_metrics {

/// A string literal usable as a template argument: `counter<"graph_breaks">`.
/// `Size` counts the terminating NUL, as the array type of the literal does.
template <std::size_t Size>
struct fixed_string {
    static_assert(Size >= 1, "typed_metrics: fixed_string needs at least the terminating NUL");

    char chars[Size]{};

    // Implicit on purpose: it is what lets `"name"` stand for a template argument.
    consteval fixed_string(char const (&literal)[Size]) noexcept {
        for (std::size_t i = 0; i < Size; ++i) chars[i] = literal[i];
    }

    /// Length without the terminating NUL.
    static constexpr std::size_t size() noexcept { return Size - 1; }

    constexpr std::string_view view() const noexcept { return {chars, Size - 1}; }

    template <std::size_t Other>
    constexpr bool operator==(fixed_string<Other> const& other) const noexcept {
        return view() == other.view();
    }
};

// The guide the implicit one would be: clang 22 asks for it in a note after
// an error in a function whose template argument is deduced from a literal.
template <std::size_t Size>
fixed_string(char const (&)[Size]) -> fixed_string<Size>;

}  // namespace typed_metrics
