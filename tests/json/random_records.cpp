// SPDX-License-Identifier: BSL-1.0
// Random records as to_json writes them, for validate_random_records.py.
//
//     random_records --schema [--large-integers-as-strings]   the JSON Schema
//     random_records [--large-integers-as-strings]            one line per record:
//         {"metrics":<to_json>,"sizes":{<set or map>:<entries>},"hex":{<string metric>:<its bytes in hex>}}
#include "../support/random_records.hpp"

#include <typed_metrics/json.hpp>
#include <typed_metrics/json_schema.hpp>

#include <cstddef>
#include <iostream>
#include <span>
#include <string>
#include <string_view>

namespace {

namespace tmx = typed_metrics;
using random_records::schema;

std::string hex(std::string_view bytes) {
    constexpr char digits[] = "0123456789abcdef";
    std::string text = "\"";
    for (char c : bytes) {
        text += digits[static_cast<unsigned char>(c) >> 4];
        text += digits[static_cast<unsigned char>(c) & 0xf];
    }
    return text + '"';
}

// The bytes of every string the record holds in `name`, `tags` and the keys of `by_name`.
std::string hex_of_strings(tmx::record<schema> const& r) {
    std::string out = "{";
    if (auto const name = r.get<"name">()) out += "\"name\":" + hex(*name) + ",";
    out += "\"tags\":[";
    if (auto const tags = r.get<"tags">()) {
        for (auto const& tag : *tags) out += hex(tag) + (&tag == &*tags->rbegin() ? "" : ",");
    }
    out += "],\"by_name\":[";
    if (auto const by_name = r.get<"by_name">()) {
        for (auto const& entry : *by_name) out += hex(entry.first) + (&entry == &*by_name->rbegin() ? "" : ",");
    }
    return out + "]}";
}

template <tmx::fixed_string Name>
void append_size(std::string& out, tmx::record<schema> const& r) {
    if (auto const metric = r.template get<Name>()) {
        out += (out.size() > 1 ? ",\"" : "\"") + std::string(Name.view()) + "\":" + std::to_string(metric->size());
    }
}

}  // namespace

int main(int argc, char** argv) {
    bool schema_only = false;
    tmx::json_options options;
    for (std::string_view const argument : std::span(argv + 1, argv + argc)) {
        schema_only = schema_only || argument == "--schema";
        options.large_integers_as_strings =
            options.large_integers_as_strings || argument == "--large-integers-as-strings";
    }
    if (schema_only) {
        std::cout << tmx::json_schema<schema>(options) << '\n';
        return 0;
    }
    random_records::generator random(2026);
    tmx::metrics_context<schema> context{[&](auto const& exit) {
        std::string sizes = "{";
        append_size<"tags">(sizes, exit.metrics);
        append_size<"ratios">(sizes, exit.metrics);
        append_size<"by_name">(sizes, exit.metrics);
        append_size<"by_ratio">(sizes, exit.metrics);
        append_size<"by_id">(sizes, exit.metrics);
        std::cout << "{\"metrics\":" << tmx::to_json(exit.metrics, options) << ",\"sizes\":" << sizes
                  << "},\"hex\":" << hex_of_strings(exit.metrics) << "}\n";
    }};
    for (int i = 0; i < 2'000; ++i) random.record(context);
}
