// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/fixed_string.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

#if defined(__cpp_pack_indexing) && __cpp_pack_indexing >= 202311L
#define TYPED_METRICS_DETAIL_PACK_INDEXING 1
#else
#define TYPED_METRICS_DETAIL_PACK_INDEXING 0
#endif

namespace typed_metrics::detail {

// One field of the flat storage: the metric's value, tagged with its name and
// its position in the schema (the index of its presence bit).
template <fixed_string Name, std::size_t Index, class Metric>
struct slot {
    using metric = Metric;
    static constexpr std::size_t index = Index;
    typename Metric::storage_type value{};
};

// The flat storage: one base per metric, found by name with `slot_t`.
template <class Indices, class... Metrics>
struct slots;

template <std::size_t... Index, class... Metrics>
struct slots<std::index_sequence<Index...>, Metrics...> : slot<Metrics::name, Index, Metrics>... {
#if TYPED_METRICS_DETAIL_PACK_INDEXING
    static constexpr std::size_t size = sizeof...(Metrics);

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++26-extensions"
#endif
    // The field at `Position` (see `slot_lookup`).
    template <std::size_t Position>
    using slot_at = slot<Metrics...[Position] ::name, Position, Metrics...[Position]>;
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
#endif

    // Calls `f` with every field, in schema order. The base types are spelled
    // out here, so no lookup by name is needed. An array initialiser rather
    // than a comma fold: a fold nests N expressions deep, which g++ is slower
    // over (see docs/design.md, Compile-time rules). The leading 0
    // keeps the array non-empty for a schema without metrics.
    template <class F>
    constexpr void for_each(F&& f) {
        using expanded = int const[];
        (void)expanded{0, (f(static_cast<slot<Metrics::name, Index, Metrics>&>(*this)), 0)...};
    }
    template <class F>
    constexpr void for_each(F&& f) const {
        using expanded = int const[];
        (void)expanded{0, (f(static_cast<slot<Metrics::name, Index, Metrics> const&>(*this)), 0)...};
    }
};

// The field type called `Name`, or void when there is none, found once per
// storage and name: a class template's instantiations are memoised, an
// alias's substitutions are not. Every lookup (the checks, the operations,
// `declared_metric`) goes through it. Far cheaper for the compiler than a
// constexpr search over the tags or a hana::map (figures in
// docs/design.md, Storage).
#if TYPED_METRICS_DETAIL_PACK_INDEXING
// Where the compiler indexes packs (C++26; clang 19 and later take it in
// C++20 too, as an extension whose warning `slots` silences for users
// building with -Wpedantic -Werror), by position: the storage looks the name
// up in its schema's hash table (`position_of`), then names the base at that
// position (`slot_at`), a constant cost per name where deduction tries every
// base.
struct no_slots {  // the storage of a name that the schema does not declare
    template <std::size_t Position>
    using slot_at = void;
};

template <class Storage, std::size_t Position>
using slot_at = typename std::conditional_t<(Position < Storage::size), Storage, no_slots>::template slot_at<Position>;

template <class Storage, fixed_string Name>
struct slot_lookup {
    using type = slot_at<Storage, Storage::position_of(Name.view())>;
};
#else
// Elsewhere by deduction against the bases: converting to a base's pointer
// is a better match than converting to `void*`, so the second overload
// answers only when no base is called `Name`. Declared only: used in
// unevaluated operands.
template <fixed_string Name, std::size_t Index, class Metric>
slot<Name, Index, Metric>* find_slot(slot<Name, Index, Metric>* field) noexcept;
template <fixed_string Name>
void* find_slot(void* storage) noexcept;

template <class Storage, fixed_string Name>
struct slot_lookup {
    using type = std::remove_pointer_t<decltype(find_slot<Name>(static_cast<Storage*>(nullptr)))>;
};
#endif

template <class Storage, fixed_string Name>
using slot_t = typename slot_lookup<Storage, Name>::type;

}  // namespace typed_metrics::detail
