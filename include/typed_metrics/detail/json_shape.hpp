// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/printable.hpp>

#include <string_view>
#include <type_traits>

namespace typed_metrics::detail {

// How a stored type appears in JSON. One classification serves the JSON
// writer, the nlohmann adapter and the JSON Schema, so the three agree.
enum class json_shape {
    boolean,  // true / false
    integer,  // a JSON number without fraction
    number,   // a floating-point value; "Infinity", "-Infinity", "NaN" when not finite
    string,   // a string type, escaped
    text,     // any other printable type: its operator<< text, as a string
    array,    // a set: its elements, in order
    object,   // a map: keys as their text, values as JSON
    pairs     // a top-N ranking: [key, value] pairs, largest first
};

template <class T>
consteval json_shape json_shape_of() {
    if constexpr (std::is_same_v<T, bool>) return json_shape::boolean;
    else if constexpr (std::is_integral_v<T>) return json_shape::integer;
    else if constexpr (std::is_floating_point_v<T>) return json_shape::number;
    else if constexpr (std::is_convertible_v<T const&, std::string_view>) return json_shape::string;
    else if constexpr (is_std_set<T>) return json_shape::array;
    else if constexpr (is_std_map<T>) return json_shape::object;
    else if constexpr (is_top_n<T>) return json_shape::pairs;
    else return json_shape::text;
}

}  // namespace typed_metrics::detail
