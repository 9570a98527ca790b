// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/top_n.hpp>

#include <cstddef>
#include <iosfwd>
#include <map>
#include <set>
#include <string_view>
#include <type_traits>

namespace typed_metrics::detail {

// What a record can print as a metric, a set element, a map key or value, or
// a ranking's key or value. Only <iosfwd>: a user type's operator<< is found
// by argument-dependent lookup whether or not <ostream> was included, and the
// files that only record need not pay for <ostream>.
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

}  // namespace typed_metrics::detail
