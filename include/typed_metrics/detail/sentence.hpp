// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <typed_metrics/detail/duration.hpp>

// Diagnostics as sentences, where the compiler takes a computed static_assert
// message (C++26, P2741: `static_assert(false, message)` with a message that
// has `.data()` and `.size()`). clang 22 takes it in C++20 too, as an
// extension that it warns of where such a static_assert is parsed: each
// header that holds one silences -Wc++26-extensions around its code
// (TYPED_METRICS_DETAIL_SENTENCES_BEGIN and _END), so that users
// building with -Wpedantic -Werror are not broken on valid code. Elsewhere
// (g++ 12, clang 14, clang 19 before -std=c++2c) the messages are literals.
#if defined(__cpp_static_assert) && __cpp_static_assert >= 202306L
#define TYPED_METRICS_DETAIL_SENTENCES 1
#else
#define TYPED_METRICS_DETAIL_SENTENCES 0
#endif

// Around the code of a header that holds such static_asserts.
#if TYPED_METRICS_DETAIL_SENTENCES && defined(__clang__)
#define TYPED_METRICS_DETAIL_SENTENCES_BEGIN \
    _Pragma("clang diagnostic push") _Pragma("clang diagnostic ignored \"-Wc++26-extensions\"")
#define TYPED_METRICS_DETAIL_SENTENCES_END _Pragma("clang diagnostic pop")
#else
#define TYPED_METRICS_DETAIL_SENTENCES_BEGIN
#define TYPED_METRICS_DETAIL_SENTENCES_END
#endif

namespace typed_metrics::detail {

// A number's decimal digits, in a constant expression.
struct decimal {
    char digits[20]{};
    std::size_t count = 0;

    constexpr explicit decimal(std::size_t number) noexcept {
        char reversed[20]{};
        do {
            reversed[count++] = static_cast<char>('0' + number % 10);
            number /= 10;
        } while (number != 0);
        for (std::size_t i = 0; i < count; ++i) digits[i] = reversed[count - 1 - i];
    }
    constexpr std::string_view view() const noexcept { return {digits, count}; }
};

/// A diagnostic's text, built in a constant expression; longer text is cut
/// and ends with "...".
class sentence {
public:
    static constexpr std::size_t capacity = 1024;

    constexpr sentence& operator<<(std::string_view part) noexcept {
        for (char const c : part) {
            if (length_ == capacity) {
                for (std::size_t i = capacity - 3; i < capacity; ++i) text_[i] = '.';
                return *this;
            }
            text_[length_++] = c;
        }
        return *this;
    }

    constexpr sentence& operator<<(std::size_t number) noexcept { return *this << decimal{number}.view(); }

    constexpr char const* data() const noexcept { return text_; }
    constexpr std::size_t size() const noexcept { return length_; }

private:
    char text_[capacity]{};
    std::size_t length_ = 0;
};

// A type's name as the compiler spells it in the signature of a function
// instantiated for it: `[T = X]` on clang, `[with T = X]` on g++.
template <class T>
constexpr char const* signature() noexcept {
    return __PRETTY_FUNCTION__;
}

// Where the two compilers spell a type differently, the spelling on the
// right: both then print `std::string`, `unsigned long`, `const char*` and
// `{anonymous}::T` alike. Each replacement is no longer than what it replaces.
// libstdc++'s inline namespaces, which g++ prints and clang does not:
// `__cxx11`, in `std` and in `std::filesystem` (`path`), among others, and
// `_V2`, in `std::chrono` (the clocks, so `sys_seconds`) and in `std`. The
// strings by the names that libc++ gives them (`std::u8string`,
// `std::pmr::string`), which clang prints with libc++ where it can.
struct respelling {
    std::string_view from;
    std::string_view to;
};
inline constexpr respelling respellings[] = {
    {"::__cxx11::", "::"},
    {"::_V2::", "::"},
    {"(anonymous namespace)", "{anonymous}"},
    {"std::basic_string<char>", "std::string"},
    {"std::basic_string_view<char>", "std::string_view"},
    {"std::basic_string<wchar_t>", "std::wstring"},
    {"std::basic_string_view<wchar_t>", "std::wstring_view"},
    {"std::basic_string<char8_t>", "std::u8string"},
    {"std::basic_string_view<char8_t>", "std::u8string_view"},
    {"std::basic_string<char16_t>", "std::u16string"},
    {"std::basic_string_view<char16_t>", "std::u16string_view"},
    {"std::basic_string<char32_t>", "std::u32string"},
    {"std::basic_string_view<char32_t>", "std::u32string_view"},
    {"long long unsigned int", "unsigned long long"},
    {"long unsigned int", "unsigned long"},
    {"short unsigned int", "unsigned short"},
    {"long long int", "long long"},
    {"long int", "long"},
    {"short int", "short"},
    {" >", ">"},
    {" *", "*"},
    {" &", "&"},
    // After " >", which g++ writes between the last two brackets.
    {"std::basic_string<char, std::char_traits<char>, std::pmr::polymorphic_allocator<char>>", "std::pmr::string"},
    {"std::basic_string<wchar_t, std::char_traits<wchar_t>, std::pmr::polymorphic_allocator<wchar_t>>",
     "std::pmr::wstring"},
    {"std::basic_string<char8_t, std::char_traits<char8_t>, std::pmr::polymorphic_allocator<char8_t>>",
     "std::pmr::u8string"},
    {"std::basic_string<char16_t, std::char_traits<char16_t>, std::pmr::polymorphic_allocator<char16_t>>",
     "std::pmr::u16string"},
    {"std::basic_string<char32_t, std::char_traits<char32_t>, std::pmr::polymorphic_allocator<char32_t>>",
     "std::pmr::u32string"},
};

// The name of a type, the same on both compilers, in storage of its own.
template <std::size_t Size>
struct type_spelling {
    char text[Size]{};
    std::size_t length = 0;

    // Whether `from` occurs at `at`, its first character compared first.
    constexpr bool occurs_at(std::size_t at, std::string_view from) const noexcept {
        return text[at] == *from.data() && std::string_view{text + at, length - at}.starts_with(from);
    }

    // Where `from` first occurs in the text, or `length`. Not
    // std::string_view::find, whose test of a pointer into this object
    // against null g++ 12 cannot evaluate under -fsanitize=null; a scan for
    // the first character as tight as std::string_view::find's, so that a
    // long name stays within clang's step limit.
    constexpr std::size_t find(std::string_view from) const noexcept {
        char const first = *from.data();
        for (std::size_t at = 0; at < length; ++at) {
            if (text[at] == first && occurs_at(at, from)) return at;
        }
        return length;
    }

    constexpr explicit type_spelling(std::string_view raw) noexcept {
        std::size_t const begin = raw.find("T = ") + 4;
        raw = raw.substr(begin, raw.rfind(']') - begin);
        for (char const c : raw) text[length++] = c;
        // One pass per respelling, in order, in place: each writes no
        // further than it reads. A pass starts where the respelling first
        // occurs, and compares a position's first character before the
        // rest: most passes then cost the constant evaluator a search, and
        // a type's name may be thousands of characters long within clang's
        // step limit (Boost.Units' quantities are over a thousand).
        for (respelling const& r : respellings) {
            std::size_t const first = find(r.from);
            if (first == length) continue;
            std::size_t written = first;
            for (std::size_t at = first; at < length;) {
                if (occurs_at(at, r.from)) {
                    for (char const c : r.to) text[written++] = c;
                    at += r.from.size();
                } else {
                    text[written++] = text[at++];
                }
            }
            length = written;
        }
    }
};

template <class T>
inline constexpr type_spelling<std::string_view{signature<T>()}.size()> spelling_of{signature<T>()};

// The std::chrono alias of a duration counted in a signed 64-bit integer in
// one of the units a duration counter takes (libstdc++ and libc++ declare
// `std::chrono::nanoseconds` ... `hours` so on 64-bit platforms); empty for
// any other duration, which keeps the compiler's spelling.
template <class Duration>
constexpr std::string_view chrono_alias() noexcept {
    using rep = typename Duration::rep;
    if constexpr (std::is_integral_v<rep> && std::is_signed_v<rep> && sizeof(rep) == 8) {
        constexpr std::string_view unit = unit_symbol<typename Duration::period>();
        if (unit == "ns") return "std::chrono::nanoseconds";
        if (unit == "us") return "std::chrono::microseconds";
        if (unit == "ms") return "std::chrono::milliseconds";
        if (unit == "s") return "std::chrono::seconds";
        if (unit == "min") return "std::chrono::minutes";
        if (unit == "h") return "std::chrono::hours";
    }
    return {};
}

/// The name of `T` in a diagnostic. `std::int64_t` and `std::uint64_t`, the
/// types counters are declared with, by those names (`long` on Linux,
/// `long long` on Windows); the durations of std::chrono's aliases by the
/// alias (`std::chrono::microseconds`); every other type as the compiler
/// spells it, made the same on clang and g++ (`std::string`, `unsigned long`,
/// `const char*`).
template <class T>
constexpr std::string_view type_name() noexcept {
    if constexpr (std::is_same_v<T, std::int64_t>) {
        return "std::int64_t";
    } else if constexpr (std::is_same_v<T, std::uint64_t>) {
        return "std::uint64_t";
    } else {
        if constexpr (chrono_duration<T>) {
            if constexpr (!chrono_alias<T>().empty()) return chrono_alias<T>();
        }
        return {spelling_of<T>.text, spelling_of<T>.length};
    }
}

}  // namespace typed_metrics::detail
