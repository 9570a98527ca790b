// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <type_traits>

namespace typed_metrics::detail {

template <class T, class... Types>
concept one_of = (std::is_same_v<T, Types> || ...);

// The built-in number types that every export writes exactly: bool, the
// character and standard integer types (JSON libraries hold 64-bit integers),
// float and double (they hold doubles, as Prometheus does). Not long double,
// which they would round or overflow.
template <class T>
concept exported_number =
    one_of<T, bool, char, signed char, unsigned char, wchar_t, char8_t, char16_t, char32_t, short, unsigned short, int,
           unsigned, long, unsigned long, long long, unsigned long long, float, double>;

// Any built-in type with arithmetic: the standard ones and the compilers'
// extended ones (`__int128`, `__float128`, `_BitInt(N)`), which
// `std::is_arithmetic` counts only under -std=gnu++20 and which
// `std::to_chars`, `operator<<` and JSON libraries do not all take.
template <class T>
concept builtin_number = !std::is_class_v<T> && !std::is_union_v<T> && !std::is_enum_v<T> && requires(T a) { a + a; };

}  // namespace typed_metrics::detail
