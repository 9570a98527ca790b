// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/hana.hpp>
#include <typed_metrics/fixed_string.hpp>

#include <cstddef>
#include <utility>

namespace typed_metrics::detail {

template <fixed_string Name, std::size_t... Index>
constexpr auto make_hana_string(std::index_sequence<Index...>) {
    return boost::hana::string_c<Name.chars[Index]...>;
}

// A metric name as a `hana::string`, Hana's compile-time string.
template <fixed_string Name>
inline constexpr auto hana_string = make_hana_string<Name>(std::make_index_sequence<Name.size()>{});

}  // namespace typed_metrics::detail
