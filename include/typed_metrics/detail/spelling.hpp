// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/closest_name.hpp>
#include <typed_metrics/fixed_string.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

namespace typed_metrics::detail {

// Names spelled out as character packs for diagnostics. Both compilers print
// a pack in full ('g', 'r', ...), whereas clang cuts a `fixed_string`
// argument after ten characters. Never defined: only their names are read.
template <char...>
struct metric_named;
template <char...>
struct no_metric_named;
template <char...>
struct did_you_mean;

template <template <char...> class Spelling, fixed_string Name, std::size_t... Index>
auto spell(std::index_sequence<Index...>) -> Spelling<Name.chars[Index]...>;

template <template <char...> class Spelling, fixed_string Name>
using spelled = decltype(spell<Spelling, Name>(std::make_index_sequence<Name.size()>{}));

// The declared name nearest to `Name` among the first `Blocks` blocks of
// names: each block is a constant expression of its own, within the
// compilers' limits however many names the schema declares.
template <class Schema, fixed_string Name, std::size_t Blocks>
constexpr nearest_name nearest_in_blocks =
    nearest_among(Name.view(), Schema::names, (Blocks - 1) * names_per_block,
                  Blocks* names_per_block < Schema::size ? Blocks * names_per_block : Schema::size,
                  nearest_in_blocks<Schema, Name, Blocks - 1>);
template <class Schema, fixed_string Name>
constexpr nearest_name nearest_in_blocks<Schema, Name, 0> = {};

// The declared name nearest to `Name` by edit distance, as `did_you_mean<...>`.
template <class Schema, fixed_string Name>
consteval auto suggest() {
    if constexpr (Schema::size == 0) {
        return std::type_identity<did_you_mean<>>{};
    } else {
        constexpr std::size_t blocks = (Schema::size + names_per_block - 1) / names_per_block;
        constexpr std::size_t nearest = nearest_in_blocks<Schema, Name, blocks>.index;
        return std::type_identity<spelled<did_you_mean, Schema::template metric_at<nearest>::name>>{};
    }
}

template <class Schema, fixed_string Name>
using suggestion_t = typename decltype(suggest<Schema, Name>())::type;

}  // namespace typed_metrics::detail
