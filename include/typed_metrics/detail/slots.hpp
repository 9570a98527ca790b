// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/fixed_string.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

namespace typed_metrics::detail {

// One field of the flat storage: the metric's value, tagged with its name and
// its position in the schema (the index of its presence bit).
template <fixed_string Name, std::size_t Index, class Metric>
struct slot {
    using metric = Metric;
    static constexpr std::size_t index = Index;
    typename Metric::storage_type value{};
};

// The flat storage: one base per metric. A field is found by overload
// resolution against these bases (`find_slot`): one attempt per base, once
// per name, far cheaper for the compiler than a constexpr search or a
// hana::map (figures in docs/design.md and docs/performance.md).
template <class Indices, class... Metrics>
struct slots;

template <std::size_t... Index, class... Metrics>
struct slots<std::index_sequence<Index...>, Metrics...> : slot<Metrics::name, Index, Metrics>... {
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

// Finds the field called `Name` by deduction against the bases: converting
// to a base's pointer is a better match than converting to `void*`, so the
// second overload answers only when no base is called `Name`. Declared only:
// used in unevaluated operands.
template <fixed_string Name, std::size_t Index, class Metric>
slot<Name, Index, Metric>* find_slot(slot<Name, Index, Metric>* field) noexcept;
template <fixed_string Name>
void* find_slot(void* storage) noexcept;

// The field type called `Name`, or void when there is none: deduced once per
// storage and name, as a class template's instantiations are memoised, an
// alias's substitutions are not. Every lookup (the checks, the operations,
// `declared_metric`) goes through it.
template <class Storage, fixed_string Name>
struct slot_lookup {
    using type = std::remove_pointer_t<decltype(find_slot<Name>(static_cast<Storage*>(nullptr)))>;
};

template <class Storage, fixed_string Name>
using slot_t = typename slot_lookup<Storage, Name>::type;

}  // namespace typed_metrics::detail
