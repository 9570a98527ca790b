// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/schema_checks.hpp>
#include <typed_metrics/detail/slots.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/metric.hpp>

#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace typed_metrics {

/// The metrics recorded for one unit of work, declared once in a header:
///
///     using compile_schema = tmx::schema<tmx::counter<"graph_breaks">,
///                                        tmx::value<"backend", std::string>>;
///
/// Names must be distinct; the order is the order of printing and export.
template <class... Metrics>
struct schema {
    using storage = detail::slots<std::index_sequence_for<Metrics...>, Metrics...>;

    /// The metric tags as a Hana sequence of `hana::type`s, for compile-time iteration.
    static constexpr auto metrics = boost::hana::tuple_t<Metrics...>;
    static constexpr std::size_t size = sizeof...(Metrics);
    /// The names, in schema order.
    static constexpr std::array<std::string_view, sizeof...(Metrics)> names{Metrics::name.view()...};
    /// The tag at position `Index`.
    template <std::size_t Index>
    using metric_at = std::tuple_element_t<Index, std::tuple<Metrics...>>;

    static_assert(detail::check_schema<storage, Metrics...>());
};

/// Satisfied when `Schema` declares a metric called `Name`.
template <class Schema, fixed_string Name>
concept declared_metric = detail::finds_one<typename Schema::storage, Name>;

/// The tag (`counter<...>`, `value<...>`, ...) that `Schema` declares as `Name`.
template <class Schema, fixed_string Name>
    requires declared_metric<Schema, Name>
using metric_t = typename std::remove_cvref_t<decltype(detail::slot_of<Name>(
    std::declval<typename Schema::storage&>()))>::metric;

}  // namespace typed_metrics
