// SPDX-License-Identifier: BSL-1.0
// nlohmann/json support: `nlohmann::json j = record;` (and `ordered_json`,
// which keeps the schema order). Include it only where nlohmann/json is
// available; the other headers do not need it.
#pragma once

#include <typed_metrics/detail/json_shape.hpp>
#include <typed_metrics/json.hpp>
#include <typed_metrics/record.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace typed_metrics {
namespace detail {

// The same JSON as `to_json(record)` (json.hpp), built as a `Json` value.
template <class Json, class T>
Json to_json_value(T const& value) {
    constexpr json_shape shape = json_shape_of<T>();
    if constexpr (shape == json_shape::boolean) {
        return Json(value);
    } else if constexpr (shape == json_shape::integer) {
        // Character types are numbers here, as in to_json.
        using widened = std::conditional_t<std::is_signed_v<T>, std::int64_t, std::uint64_t>;
        return Json(static_cast<widened>(value));
    } else if constexpr (shape == json_shape::number) {
        return std::isfinite(value) ? Json(value) : Json(std::string(non_finite_name(value)));
    } else if constexpr (shape == json_shape::string) {
        return Json(json_string_text(std::string_view(value)));
    } else if constexpr (shape == json_shape::text) {
        return Json(json_string_text(streamed_text(value)));
    } else if constexpr (shape == json_shape::array) {
        Json array = Json::array();
        for (auto const& element : value) array.push_back(to_json_value<Json>(element));
        return array;
    } else if constexpr (shape == json_shape::object) {
        Json object = Json::object();
        for (auto const& [key, mapped] : value)
            object[json_string_text(json_key_text(key))] = to_json_value<Json>(mapped);
        return object;
    } else if constexpr (shape == json_shape::pairs) {
        Json pairs = Json::array();
        for (auto const& [key, ranked] : value) {
            pairs.push_back(Json::array({to_json_value<Json>(key), to_json_value<Json>(ranked)}));
        }
        return pairs;
    } else if constexpr (shape == json_shape::duration) {
        return to_json_value<Json>(value.count());
    } else {
        return Json();  // json_shape::none: a type the schema refused, and reported; nothing more to compile
    }
}

}  // namespace detail

/// nlohmann/json's conversion hook, found by argument-dependent lookup:
/// `nlohmann::json j = record;` gives the object `to_json(record)` writes
/// (with default `json_options`: nlohmann holds 64-bit integers exactly).
/// `nlohmann::json` sorts keys; `nlohmann::ordered_json` keeps schema order.
template <class Json, class Schema>
void to_json(Json& json, record<Schema> const& metrics) {
    json = Json::object();
    metrics.for_each([&](std::string_view name, auto const& value) {
        json[std::string(name)] = detail::to_json_value<Json>(value);
    });
}

}  // namespace typed_metrics
