// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/json_shape.hpp>

namespace typed_metrics::detail {

constexpr bool is_scalar(json_shape shape) noexcept {
    return shape == json_shape::boolean || shape == json_shape::integer || shape == json_shape::number ||
           shape == json_shape::string || shape == json_shape::text;
}

// What a record can hold, print and export as a metric, a set element, a map
// key or value, or a ranking's key or value: a type of a scalar shape, which
// every export writes (json_shape.hpp).
template <class T>
concept printable = is_scalar(json_shape_of<T>());

}  // namespace typed_metrics::detail
