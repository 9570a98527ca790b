// SPDX-License-Identifier: BSL-1.0
// The JSON Schema of a record's JSON (`to_json`), so that downstream tables
// and validators are made from the same header as the record.
#pragma once

#include <typed_metrics/detail/json_shape.hpp>
#include <typed_metrics/detail/json_text.hpp>
#include <typed_metrics/metric.hpp>

#include <boost/hana/for_each.hpp>

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace typed_metrics {
namespace detail {

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

// The schema of how `to_json` writes a `T` (json.hpp).
template <class T>
void append_json_schema(std::string& out) {
    constexpr json_shape shape = json_shape_of<T>();
    if constexpr (shape == json_shape::boolean) {
        out += R"({"type":"boolean"})";
    } else if constexpr (shape == json_shape::integer) {
        out += R"({"type":"integer","minimum":)";
        append_number(out, std::numeric_limits<T>::min());
        out += R"(,"maximum":)";
        append_number(out, std::numeric_limits<T>::max());
        out += '}';
    } else if constexpr (shape == json_shape::number) {
        out += R"({"type":["number","null"]})";  // null: not finite
    } else if constexpr (shape == json_shape::string || shape == json_shape::text) {
        out += R"({"type":"string"})";
    } else if constexpr (shape == json_shape::array) {
        out += R"({"type":"array","uniqueItems":true,"items":)";
        append_json_schema<typename T::value_type>(out);
        out += '}';
    } else if constexpr (shape == json_shape::object) {
        out += R"({"type":"object","additionalProperties":)";
        append_json_schema<typename T::mapped_type>(out);
        out += '}';
    } else if constexpr (shape == json_shape::pairs) {
        out += R"({"type":"array","maxItems":)";
        append_number(out, T::capacity());
        out += R"(,"items":{"type":"array","prefixItems":[)";
        append_json_schema<typename T::key_type>(out);
        out += ',';
        append_json_schema<typename T::mapped_type>(out);
        out += R"(],"minItems":2,"items":false}})";
    }
    // json_shape::none: a type the schema refused, and reported; nothing more to compile.
}

}  // namespace detail

/// A JSON Schema (draft 2020-12) document that every `to_json(record)` of
/// `Schema` satisfies: an object whose optional properties are the metrics,
/// each described by its kind (`"description": "counter"`, ...) and typed as
/// `to_json` writes it; integer types carry their range.
template <class Schema>
std::string json_schema() {
    std::string out = R"({"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{)";
    bool first = true;
    boost::hana::for_each(Schema::metrics(), [&](auto metric) {
        using tag = typename decltype(metric)::type;
        if (!std::exchange(first, false)) out += ',';
        detail::append_quoted(out, tag::name.view(), /*valid_utf8_only=*/true);
        out += ':';
        std::string property;
        detail::append_json_schema<typename tag::storage_type>(property);
        // {"description":"<kind>", then the type's own keywords.
        property.insert(1, R"("description":")" + std::string(detail::kind_name(tag::kind)) + R"(",)");
        out += property;
    });
    out += R"(},"additionalProperties":false})";
    return out;
}

}  // namespace typed_metrics
