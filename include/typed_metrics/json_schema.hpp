// SPDX-License-Identifier: BSL-1.0
// The JSON Schema of a record's JSON (`to_json`), so that downstream tables
// and validators are made from the same header as the record.
#pragma once

#include <typed_metrics/detail/hana.hpp>
#include <typed_metrics/detail/json_shape.hpp>
#include <typed_metrics/detail/text_format.hpp>
#include <typed_metrics/json_options.hpp>
#include <typed_metrics/metric.hpp>
#include <typed_metrics/schema_id.hpp>

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace typed_metrics {
namespace detail {

// The schema of how `to_json` writes an integer of type `T`: its range, and
// with `large_integers_as_strings`, the range within ±(2^53 - 1) as numbers
// and beyond it strings of digits.
template <class T>
void append_integer_schema(std::string& out, json_options options) {
    auto const range = [&](auto minimum, auto maximum) {
        out += R"({"type":"integer","minimum":)";
        append_number(out, minimum);
        out += R"(,"maximum":)";
        append_number(out, maximum);
        out += '}';
    };
    constexpr T lowest = std::numeric_limits<T>::min();
    constexpr T highest = std::numeric_limits<T>::max();
    if (!options.large_integers_as_strings || !(beyond_safe_integers(lowest) || beyond_safe_integers(highest))) {
        range(lowest, highest);
        return;
    }
    out += R"({"anyOf":[)";
    range(beyond_safe_integers(lowest) ? -max_safe_integer : static_cast<long long>(lowest), max_safe_integer);
    out += R"(,{"type":"string","pattern":"^-?[0-9]+$"}]})";
}

// The schema of how `to_json` writes a `T` (json.hpp).
template <class T>
void append_json_schema(std::string& out, json_options options) {
    constexpr json_shape shape = json_shape_of<T>();
    if constexpr (shape == json_shape::boolean) {
        out += R"({"type":"boolean"})";
    } else if constexpr (shape == json_shape::integer) {
        append_integer_schema<T>(out, options);
    } else if constexpr (shape == json_shape::number) {
        // Infinities and NaN are strings (detail/text_format.hpp).
        out += R"({"anyOf":[{"type":"number"},{"enum":[)";
        bool first = true;
        for (std::string_view name : non_finite_names) {
            if (!std::exchange(first, false)) out += ',';
            append_quoted(out, name, /*valid_utf8_only=*/true);
        }
        out += "]}]}";
    } else if constexpr (shape == json_shape::string || shape == json_shape::text) {
        out += R"({"type":"string"})";
    } else if constexpr (shape == json_shape::array) {
        out += R"({"type":"array","uniqueItems":true,"items":)";
        append_json_schema<typename T::value_type>(out, options);
        out += '}';
    } else if constexpr (shape == json_shape::object) {
        out += R"({"type":"object","additionalProperties":)";
        append_json_schema<typename T::mapped_type>(out, options);
        out += '}';
    } else if constexpr (shape == json_shape::pairs) {
        out += R"({"type":"array","maxItems":)";
        append_number(out, T::capacity());
        out += R"(,"items":{"type":"array","prefixItems":[)";
        append_json_schema<typename T::key_type>(out, options);
        out += ',';
        append_json_schema<typename T::mapped_type>(out, options);
        out += R"(],"minItems":2,"items":false}})";
    } else if constexpr (shape == json_shape::duration) {
        // The count's own schema, with the unit as an annotation ("unit":"us").
        std::string count;
        append_json_schema<typename T::rep>(count, options);
        out.append(R"({"unit":")").append(unit_symbol<typename T::period>()).append(R"(",)").append(count, 1);
    }
    // json_shape::none: a type the schema refused, and reported; nothing more to compile.
}

}  // namespace detail

/// A JSON Schema (draft 2020-12) document that every `to_json(record, options)`
/// of `Schema` satisfies (give both the same options): an object whose
/// optional properties are the metrics, each described by its kind
/// (`"description": "counter"`, ...) and typed as `to_json` writes it;
/// integer types carry their range, sets `uniqueItems`, duration counters
/// their unit (`"unit": "us"`: ns, us, ms, s, min or h).
template <class Schema>
std::string json_schema(json_options options = {}) {
    std::string out = R"({"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:typed-metrics:schema:)";
    out += schema_id_text<Schema>;
    out += R"(","type":"object","properties":{)";
    bool first = true;
    boost::hana::for_each(Schema::metrics(), [&](auto metric) {
        using tag = typename decltype(metric)::type;
        if (!std::exchange(first, false)) out += ',';
        detail::append_quoted(out, tag::name.view(), /*valid_utf8_only=*/true);
        out += ':';
        std::string property;
        detail::append_json_schema<typename tag::storage_type>(property, options);
        // {"description":"<kind>", then the type's own keywords.
        property.insert(1, R"("description":")" + std::string(detail::kind_name(tag::kind)) + R"(",)");
        out += property;
    });
    out += R"(},"additionalProperties":false})";
    return out;
}

}  // namespace typed_metrics
