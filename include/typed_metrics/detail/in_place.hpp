// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/ordered_value.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace typed_metrics::detail {

// Writing an argument into a record without first building a temporary of
// the stored type: a string argument is copied once, into the field's or the
// container's own storage, and not at all when a container already holds it.

template <class T>
inline constexpr bool is_std_string = false;
template <class C, class Traits, class Allocator>
inline constexpr bool is_std_string<std::basic_string<C, Traits, Allocator>> = true;

// The view of a string type's characters.
template <class T>
using string_view_of = std::basic_string_view<typename T::value_type, typename T::traits_type>;

// Whether a `V` is read as a view of a `T`'s characters: a `T` is a
// std::basic_string and a `V` converts to its view (a pointer to characters,
// an array, a view, another string of the same characters).
template <class T, class V>
concept viewed_as_string = is_std_string<T> && std::is_convertible_v<V const&, string_view_of<T>>;

// `field = value` with the strong guarantee: a string is assigned into the
// field's capacity (std::basic_string's assignments change nothing when they
// throw); any other type is built, then moved in (a value type's move
// assignment is `noexcept`, a schema rule), so nothing changes if building
// throws.
template <class T, class V>
[[gnu::always_inline]] constexpr void assign_value(T& field, V&& value) {
    if constexpr (std::is_same_v<std::remove_cvref_t<V>, T> && is_std_string<T>) {
        field = std::forward<V>(value);
    } else if constexpr (viewed_as_string<T, V>) {
        field.assign(string_view_of<T>(value));
    } else {
        field = T{std::forward<V>(value)};
    }
}

// What an ordered container of `T` (a std::set or std::map with
// std::less<>, a top_n) compares `value` as before anything is stored: a
// view of a string's characters (the length counted once); a `T` itself;
// otherwise a `T` built from it, a floating-point NaN refused as
// `make_ordered` refuses it. The first two refer to `value`: used within
// the call that received it.
template <class T, class V>
[[gnu::always_inline]] constexpr decltype(auto) lookup_key(V&& value, char const* operation, std::string_view metric) {
    if constexpr (viewed_as_string<T, V>) {
        return string_view_of<T>(value);
    } else if constexpr (std::is_same_v<std::remove_cvref_t<V>, T> && !std::is_floating_point_v<T>) {
        return std::forward<V>(value);
    } else {
        return make_ordered<T>(std::forward<V>(value), operation, metric);
    }
}

// What a container builds its new `T` from: the argument when it is a `T`
// (moved when given as an rvalue), else the key it was looked up as.
template <class T, class V, class Key>
[[gnu::always_inline]] constexpr decltype(auto) stored_form(V&& value, Key&& key) noexcept {
    if constexpr (std::is_same_v<std::remove_cvref_t<V>, T>) {
        return std::forward<V>(value);
    } else {
        return std::forward<Key>(key);
    }
}

// Whether `key` is equivalent to `stored`, the first element not below it
// (`lower_bound`'s): for strings, equal (the lengths compared before the
// characters); otherwise, `stored` not above `key`.
template <class Compare, class Key, class T>
[[gnu::always_inline]] constexpr bool found(Compare const& less, Key const& key, T const& stored) {
    if constexpr (viewed_as_string<T, Key>) {
        return key == stored;
    } else {
        return !less(key, stored);
    }
}

// Inserts `element` into a std::set unless an equal element is there:
// searched first, built only to be inserted (at the position found, the
// strong guarantee of `emplace_hint`).
template <class Set, class V>
[[gnu::always_inline]] inline void insert_absent(Set& set, V&& element, char const* operation,
                                                 std::string_view metric) {
    using T = typename Set::key_type;
    decltype(auto) key = lookup_key<T>(element, operation, metric);
    auto const at = set.lower_bound(key);
    if (at == set.end() || !found(set.key_comp(), key, *at)) {
        set.emplace_hint(at, stored_form<T>(std::forward<V>(element), std::move(key)));
    }
}

// `map[key] = value` in a std::map: the key is searched first and built only
// for a new entry; the value is built, then moved in (as
// `insert_or_assign` does: an existing key's value is replaced as strongly
// as the value type's move assignment allows, a new entry with the strong
// guarantee of `emplace_hint`).
template <class Map, class K, class V>
[[gnu::always_inline]] inline void assign_key_value(Map& map, K&& key, V&& value, char const* operation,
                                                    std::string_view metric) {
    using key_type = typename Map::key_type;
    decltype(auto) looked_up = lookup_key<key_type>(key, operation, metric);
    typename Map::mapped_type mapped{std::forward<V>(value)};
    auto const at = map.lower_bound(looked_up);
    if (at != map.end() && found(map.key_comp(), looked_up, at->first)) {
        at->second = std::move(mapped);
    } else {
        map.emplace_hint(at, stored_form<key_type>(std::forward<K>(key), std::move(looked_up)), std::move(mapped));
    }
}

}  // namespace typed_metrics::detail
