// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/top_n.hpp>

#include <cstddef>
#include <cstdint>
#include <map>  // and std::less<>: <functional> costs every includer its algorithms and hash tables
#include <set>
#include <string_view>

namespace typed_metrics {

/// What a metric is, and so which operation records it.
enum class metric_kind {
    counter,  ///< `increment`: absent counts as 0, then `+=`.
    value,    ///< `set` / `update` / `update_outer`: set once, overwrite detected.
    set,      ///< `add_to_set`: duplicates collapse.
    map,      ///< `set_key_value`: last write per key wins.
    top_n     ///< `add_top_n`: the N largest `(value, key)` pairs.
};

// The tags' rules (valid name, storable types) are checked by `schema`, which
// reports the first broken rule once (schema.hpp).

namespace detail {

// The kind's word in the JSON Schema's descriptions and the schema's identity.
constexpr std::string_view kind_name(metric_kind kind) noexcept {
    switch (kind) {
        case metric_kind::counter: return "counter";
        case metric_kind::value: return "value";
        case metric_kind::set: return "set";
        case metric_kind::map: return "map";
        case metric_kind::top_n: return "top_n";
    }
    return "";
}

// A metric's kind and types (a map's or a ranking's key, a ranking's
// capacity), apart from its name: the schema checks its rules once per
// distinct `metric_types`, not once per metric.
template <metric_kind Kind, class ValueType, class KeyType = void, std::size_t Capacity = 0>
struct metric_types {
    static constexpr metric_kind kind = Kind;
    using value_type = ValueType;
    using key_type = KeyType;
    static constexpr std::size_t capacity = Capacity;
};

template <fixed_string Name, metric_kind Kind>
struct metric_base {
    static constexpr auto name = Name;
    static constexpr metric_kind kind = Kind;
};

}  // namespace detail

/// A counter: `increment<"name">(v)` adds `v`; an absent counter counts as 0.
template <fixed_string Name, class T = std::int64_t>
struct counter : detail::metric_base<Name, metric_kind::counter> {
    using types = detail::metric_types<metric_kind::counter, T>;
    using value_type = T;
    using storage_type = T;
};

/// A one-shot value: `set<"name">(v)`; a second set is an error unless `overwrite`.
template <fixed_string Name, class T>
struct value : detail::metric_base<Name, metric_kind::value> {
    using types = detail::metric_types<metric_kind::value, T>;
    using value_type = T;
    using storage_type = T;
};

/// A set of distinct elements: `add_to_set<"name">(element)`. Stored with
/// the transparent comparator `std::less<>`, so that an element is looked up
/// as it is given (a string as a view of its characters) and built only
/// when it is inserted.
template <fixed_string Name, class T>
struct set_of : detail::metric_base<Name, metric_kind::set> {
    using types = detail::metric_types<metric_kind::set, T>;
    using value_type = T;
    using storage_type = std::set<T, std::less<>>;
};

/// A key/value map: `set_key_value<"name">(key, value)`; repeated keys
/// overwrite. Stored with `std::less<>`, as `set_of` is.
template <fixed_string Name, class K, class V>
struct map_of : detail::metric_base<Name, metric_kind::map> {
    using types = detail::metric_types<metric_kind::map, V, K>;
    using key_type = K;
    using value_type = V;
    using storage_type = std::map<K, V, std::less<>>;
};

/// A ranking of the `N` largest `(value, key)` pairs: `add_top_n<"name">(key, value)`.
template <fixed_string Name, class K, class V, std::size_t N = 25>
struct top_n_of : detail::metric_base<Name, metric_kind::top_n> {
    static constexpr std::size_t capacity = N;
    using types = detail::metric_types<metric_kind::top_n, V, K, N>;
    using key_type = K;
    using value_type = V;
    using storage_type = top_n<K, V, N>;
};

}  // namespace typed_metrics
