// SPDX-License-Identifier: BSL-1.0
// The nlohmann/json adapter, and to_json's text read by a real JSON parser
// (nlohmann's is strict: it rejects invalid UTF-8, NaN and bad escapes).
#define BOOST_TEST_MODULE nlohmann_json
#include <boost/test/unit_test.hpp>

#include "../support/export_schema.hpp"
#include "../support/random_records.hpp"

#include <typed_metrics/json.hpp>
#include <typed_metrics/json_schema.hpp>
#include <typed_metrics/nlohmann_json.hpp>

#include <nlohmann/json.hpp>

#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using export_test::export_fixture;
using export_test::schema;

BOOST_FIXTURE_TEST_SUITE(nlohmann_suite, export_fixture)

BOOST_AUTO_TEST_CASE(the_adapter_builds_the_object_to_json_writes) {
    auto const& r = record_everything();
    nlohmann::ordered_json const ordered = r;  // keeps schema order
    BOOST_TEST(ordered.dump() == everything_json);
    nlohmann::json const sorted = r;
    BOOST_TEST(sorted == nlohmann::json::parse(tmx::to_json(r)));
    BOOST_TEST(sorted["cache_bytes"].get<std::uint64_t>() == std::uint64_t{1} << 63);
    BOOST_TEST(sorted["retries"].get<int>() == -3);
    BOOST_TEST(sorted["runtime"] == "3.11");
    BOOST_TEST(sorted["slowest_ops"] == nlohmann::json::parse(R"([["matmul",42],["conv",7]])"));
    BOOST_TEST(sorted["by_level"]["-1"].get<double>() == 1e300);
}

// Random bytes, mostly not UTF-8: the text parses, the adapter agrees with
// it, and well-formed text comes back unchanged.
BOOST_AUTO_TEST_CASE(any_bytes_give_json_that_a_strict_parser_reads) {
    std::mt19937 random(2026);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 24);
    for (int i = 0; i < 5'000; ++i) {
        std::string value(static_cast<std::size_t>(length(random)), '\0');
        for (char& c : value) c = static_cast<char>(i % 2 ? byte(random) : byte(random) % 128);  // odd: any byte
        {
            auto const scope = context.enter();
            context.set<"backend">(value);
            context.add_to_set<"guards">(value);
            context.set_key_value<"feature_usage">(value, true);
        }
        auto const& r = exits.back().metrics;
        nlohmann::json parsed;
        BOOST_REQUIRE_NO_THROW(parsed = nlohmann::json::parse(tmx::to_json(r)));
        BOOST_TEST_REQUIRE(parsed == nlohmann::json(r));
        if (i % 2 == 0) {  // ASCII: kept as it is
            BOOST_TEST_REQUIRE(parsed["backend"].get<std::string>() == value);
            BOOST_TEST_REQUIRE(parsed["feature_usage"].contains(value));
        }
    }
}

BOOST_AUTO_TEST_CASE(json_lines_parse_line_by_line) {
    std::ostringstream out;
    tmx::metrics_context<schema> sinking{tmx::json_lines_sink(out), options()};
    for (int i = 0; i < 3; ++i) {
        auto const scope = sinking.enter();
        sinking.increment<"graph_breaks">(i);
        sinking.set<"backend">("a\nb");  // a newline in a value stays inside its line
    }
    std::istringstream lines(out.str());
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
        auto const parsed = nlohmann::json::parse(line);
        BOOST_TEST(parsed["duration_ns"].get<std::int64_t>() ==
                   parsed["end_ns"].get<std::int64_t>() - parsed["start_ns"].get<std::int64_t>());
        BOOST_TEST(parsed["exception"].is_null());
        BOOST_TEST(parsed["exception_type"].is_null());
        BOOST_TEST(parsed["metrics"]["graph_breaks"] == count);
        BOOST_TEST(parsed["metrics"]["backend"] == "a\nb");
        ++count;
    }
    BOOST_TEST(count == 3);
}

BOOST_AUTO_TEST_CASE(the_json_schema_is_json_and_names_every_metric_with_its_kind) {
    auto const document = nlohmann::json::parse(tmx::json_schema<schema>());
    BOOST_TEST(document["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    BOOST_TEST(document["additionalProperties"] == false);
    auto const& properties = document["properties"];
    BOOST_TEST(properties.size() == schema::size);
    BOOST_TEST(
        properties["graph_breaks"] ==
        nlohmann::json::parse(
            R"({"description":"counter","type":"integer","minimum":-9223372036854775808,"maximum":9223372036854775807})"));
    BOOST_TEST(properties["retries"]["minimum"] == -128);
    BOOST_TEST(properties["compile_ms"]["anyOf"] ==
               nlohmann::json::parse(R"([{"type":"number"},{"enum":["Infinity","-Infinity","NaN"]}])"));
    BOOST_TEST(properties["runtime"]["type"] == "string");
    BOOST_TEST(properties["guards"]["uniqueItems"] == true);
    BOOST_TEST(properties["feature_usage"]["additionalProperties"]["type"] == "boolean");
    BOOST_TEST(properties["slowest_ops"]["maxItems"] == 2);
    BOOST_TEST(properties["slowest_ops"]["items"]["prefixItems"][1]["type"] == "integer");
}

BOOST_AUTO_TEST_SUITE_END()

// Random records with strings of invalid UTF-8, infinities, NaN and integers
// of every size: the adapter keeps every entry of every set and map, distinct,
// agrees with to_json's text, and nlohmann's strict dump accepts it.
BOOST_AUTO_TEST_CASE(the_adapter_keeps_every_entry_of_random_records) {
    using random_records::schema;
    random_records::generator random(2027);
    std::vector<tmx::record<schema>> records;
    tmx::metrics_context<schema> context{[&](auto const& exit) { records.push_back(exit.metrics); }};
    for (int i = 0; i < 2'000; ++i) random.record(context);
    BOOST_TEST_REQUIRE(records.size() == 2'000u);

    for (auto const& r : records) {
        nlohmann::json const j = r;
        auto const entries = [&](auto metric) -> std::size_t { return metric ? metric->size() : 0; };
        auto const distinct = [&](char const* name) -> std::size_t {
            if (!j.contains(name)) return 0;
            return j[name].is_object() ? j[name].size()
                                       : std::set<nlohmann::json>(j[name].begin(), j[name].end()).size();
        };
        BOOST_TEST_REQUIRE(distinct("tags") == entries(r.get<"tags">()));
        BOOST_TEST_REQUIRE(distinct("ratios") == entries(r.get<"ratios">()));
        BOOST_TEST_REQUIRE(distinct("by_name") == entries(r.get<"by_name">()));
        BOOST_TEST_REQUIRE(distinct("by_ratio") == entries(r.get<"by_ratio">()));
        BOOST_TEST_REQUIRE(distinct("by_id") == entries(r.get<"by_id">()));
        BOOST_TEST_REQUIRE((j.contains("top") ? j["top"].size() : 0) == entries(r.get<"top">()));
        std::string dumped;
        BOOST_REQUIRE_NO_THROW(dumped = j.dump());
        BOOST_TEST_REQUIRE(nlohmann::json::parse(dumped) == j);
        BOOST_TEST_REQUIRE(nlohmann::json::parse(tmx::to_json(r)) == j, tmx::to_json(r));
    }
}
