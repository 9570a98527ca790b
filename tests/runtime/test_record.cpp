// SPDX-License-Identifier: BSL-1.0
// record: lookup, size, iteration with names, equality and printing.
#define BOOST_TEST_MODULE record
#include <boost/test/unit_test.hpp>

#include "../support/every_kind_schema.hpp"
#include "../support/fixture.hpp"

#include <boost/hana/at_key.hpp>
#include <boost/hana/equal.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/front.hpp>
#include <boost/hana/keys.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/members.hpp>
#include <boost/hana/string.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using schema = every_kind_schema<2>;

struct record_fixture : reporting_fixture<schema> {
    tmx::metrics_context<schema> context{[this](auto const& e) { keep(e); }, options()};

    // Records one unit of work with `body` and returns what on_exit received.
    template <class Body>
    tmx::record<schema> const& record_of(Body body) {
        {
            auto const scope = context.enter();
            body();
        }
        return exits.back().metrics;
    }

    void record_everything() {
        context.increment<"graph_breaks">(2);
        context.set<"backend">("inductor \"max\"\n");
        context.set<"compile_ms">(3.25);
        context.add_to_set<"guards">("shape");
        context.add_to_set<"guards">("dtype");
        context.set_key_value<"feature_usage">("dynamic_shapes", true);
        context.add_top_n<"slowest_ops">("matmul", 42);
        context.add_top_n<"slowest_ops">("conv", 7);
        context.add_top_n<"slowest_ops">("relu", 1);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(record_suite, record_fixture)

BOOST_AUTO_TEST_CASE(an_empty_record) {
    tmx::record<schema> const r;
    BOOST_TEST(r.empty());
    BOOST_TEST(r.size() == 0u);
    BOOST_TEST(!r.contains<"graph_breaks">());
    BOOST_TEST(!r.get<"backend">().has_value());
    BOOST_CHECK_THROW(r.get<"backend">().value(), std::bad_optional_access);
    BOOST_TEST(r.get<"compile_ms">().value_or(-1.0) == -1.0);
    std::ostringstream printed;
    printed << r;
    BOOST_TEST(printed.str() == "{}");
}

BOOST_AUTO_TEST_CASE(contains_get_and_size_see_only_recorded_metrics) {
    auto const& r = record_of([&] {
        context.increment<"graph_breaks">(0);  // recorded, even though it adds nothing
        context.set<"compile_ms">(1.5);
    });
    BOOST_TEST(r.size() == 2u);
    BOOST_TEST(r.contains<"graph_breaks">());
    BOOST_TEST(!r.contains<"cache_bytes">());
    BOOST_TEST(*r.get<"graph_breaks">() == 0);
    BOOST_TEST(r.get<"compile_ms">().value() == 1.5);
    BOOST_TEST(!r.get<"guards">());
}

BOOST_AUTO_TEST_CASE(free_get_and_contains_read_the_record_from_a_generic_lambda) {
    // Where the record's type is a template parameter, the members need
    // `.template`; tmx::get and tmx::contains do not.
    std::vector<std::string> seen;
    tmx::metrics_context<schema> generic{[&](auto const& exit) {
        seen.push_back(tmx::get<"backend">(exit.metrics).value_or("?"));
        seen.push_back(tmx::contains<"guards">(exit.metrics) ? "guards" : "no guards");
        seen.push_back(std::to_string(tmx::get<"graph_breaks">(exit.metrics).value_or(-1)));
    }};
    {
        auto const scope = generic.enter();
        generic.set<"backend">("eager");
        generic.increment<"graph_breaks">(3);
    }
    BOOST_TEST((seen == std::vector<std::string>{"eager", "no guards", "3"}));
    auto const& r = record_of([&] { context.add_to_set<"guards">("g"); });
    BOOST_TEST(tmx::contains<"guards">(r));
    BOOST_TEST(&*tmx::get<"guards">(r) == &*r.get<"guards">());  // the same stored set, not a copy
    BOOST_TEST(!tmx::get<"backend">(r));
}

BOOST_AUTO_TEST_CASE(for_each_visits_recorded_metrics_in_schema_order_with_their_names) {
    auto const& r = record_of([&] {
        context.set<"compile_ms">(1.5);
        context.increment<"graph_breaks">(1);
        context.add_to_set<"guards">("g");
    });
    std::vector<std::string> names;
    r.for_each([&](std::string_view name, auto const&) { names.emplace_back(name); });
    BOOST_TEST((names == std::vector<std::string>{"graph_breaks", "compile_ms", "guards"}));
}

BOOST_AUTO_TEST_CASE(equality_compares_presence_and_values) {
    tmx::record<schema> const first = record_of([&] { record_everything(); });
    tmx::record<schema> const same = record_of([&] { record_everything(); });
    BOOST_TEST((first == same));

    tmx::record<schema> const one_more = record_of([&] {
        record_everything();
        context.increment<"cache_bytes">(0u);
    });
    BOOST_TEST(!(first == one_more));

    tmx::record<schema> const other_value = record_of([&] {
        record_everything();
        context.set<"compile_ms">(tmx::overwrite, 3.5);
    });
    BOOST_TEST(!(first == other_value));
}

BOOST_AUTO_TEST_CASE(printing_quotes_strings_and_shows_every_kind) {
    std::ostringstream printed;
    printed << record_of([&] { record_everything(); });
    BOOST_TEST(printed.str() ==
               R"({graph_breaks: 2, backend: "inductor \"max\"\n", compile_ms: 3.25, guards: {"dtype", "shape"}, )"
               R"(feature_usage: {"dynamic_shapes": true}, slowest_ops: [("matmul", 42), ("conv", 7)]})");
}

BOOST_AUTO_TEST_CASE(printing_doubles_uses_the_shortest_form_that_reads_back) {
    std::ostringstream printed;
    printed << record_of([&] { context.set<"compile_ms">(0.1); });
    BOOST_TEST(printed.str() == "{compile_ms: 0.1}");
}

BOOST_AUTO_TEST_CASE(control_characters_print_as_unicode_escapes) {
    std::ostringstream printed;
    printed << record_of([&] {
        context.set<"backend">(
            std::string("a\x01"
                        "b\tc\\",
                        6));
    });
    BOOST_TEST(printed.str() == R"({backend: "a\u0001b\tc\\"})");
}

BOOST_AUTO_TEST_CASE(a_record_is_a_regular_value) {
    tmx::record<schema> copy = record_of([&] { record_everything(); });
    tmx::record<schema> const moved = std::move(copy);
    BOOST_TEST(moved.size() == 6u);
    BOOST_TEST(*moved.get<"backend">() == "inductor \"max\"\n");
}

BOOST_AUTO_TEST_SUITE_END()

// A record is a Hana Struct keyed by the metric names.
BOOST_FIXTURE_TEST_CASE(a_record_is_a_hana_struct, record_fixture) {
    namespace hana = boost::hana;
    auto const& r = record_of([&] {
        context.increment<"graph_breaks">(3);
        context.set<"backend">("eager");
    });
    static_assert(hana::Struct<tmx::record<schema>>::value);
    BOOST_TEST(hana::length(hana::keys(r)) == 7u);
    static_assert(
        std::is_same_v<
            std::remove_cvref_t<decltype(hana::front(hana::keys(r)))>,
            std::remove_cvref_t<decltype(hana::string_c<'g', 'r', 'a', 'p', 'h', '_', 'b', 'r', 'e', 'a', 'k', 's'>)>>);
    BOOST_TEST(*hana::at_key(r, BOOST_HANA_STRING("graph_breaks")) == 3);
    BOOST_TEST(*hana::at_key(r, BOOST_HANA_STRING("backend")) == "eager");
    BOOST_TEST(!hana::at_key(r, BOOST_HANA_STRING("compile_ms")));

    // Hana algorithms see every declared metric, recorded or not.
    std::size_t recorded = 0;
    hana::for_each(hana::members(r), [&](auto const& metric) { recorded += metric.has_value() ? 1 : 0; });
    BOOST_TEST(recorded == r.size());
}

namespace {

// Reads back one string printed by operator<<: the inverse of its escaping.
std::string unquote(std::string_view printed) {
    std::string out;
    BOOST_TEST_REQUIRE(printed.size() >= 2u);
    BOOST_TEST_REQUIRE(printed.front() == '"');
    BOOST_TEST_REQUIRE(printed.back() == '"');
    for (std::size_t i = 1; i + 1 < printed.size(); ++i) {
        char const c = printed[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        char const e = printed[++i];
        if (e == 'n')
            out += '\n';
        else if (e == 'r')
            out += '\r';
        else if (e == 't')
            out += '\t';
        else if (e == 'u') {
            out += static_cast<char>(std::stoi(std::string(printed.substr(i + 1, 4)), nullptr, 16));
            i += 4;
        } else
            out += e;  // \" and \\.
    }
    return out;
}

}  // namespace

// Values holding quotes, backslashes, every control character, invalid UTF-8
// and a megabyte are recorded and printed without corruption.
BOOST_FIXTURE_TEST_CASE(hostile_strings_are_recorded_and_printed_intact, record_fixture) {
    std::string control;
    for (int c = 0; c < 0x20; ++c) control += static_cast<char>(c);
    std::string const hostile[] = {
        "say \"hi\"",
        "back\\slash\\",
        control,
        std::string("\xff\xfe\xc3\x28 invalid utf-8", 19),
        std::string(1 << 20, 'x') + "\"\\\n",
        std::string(3, '\0'),
    };
    for (std::string const& value : hostile) {
        auto const& r = record_of([&] {
            context.set<"backend">(value);
            context.add_to_set<"guards">(value);
            context.set_key_value<"feature_usage">(value, true);
            context.add_top_n<"slowest_ops">(value, 1);
        });
        BOOST_TEST(*r.get<"backend">() == value);
        BOOST_TEST(r.get<"guards">()->count(value) == 1u);
        BOOST_TEST(r.get<"feature_usage">()->at(value));
        BOOST_TEST(r.get<"slowest_ops">()->begin()->first == value);

        std::ostringstream printed;
        printed << r;
        std::string const text = printed.str();
        std::string const prefix = "{backend: ";
        BOOST_TEST_REQUIRE(text.rfind(prefix, 0) == 0u);
        // The quoted value ends at the first unescaped quote.
        std::size_t end = prefix.size() + 1;
        while (text[end] != '"') end += text[end] == '\\' ? 2 : 1;
        BOOST_TEST(unquote(std::string_view(text).substr(prefix.size(), end + 1 - prefix.size())) == value);
        BOOST_TEST(text.find('\n') == std::string::npos);  // control characters never print raw
    }
}

// merge_schemas<> is schema<>: a context and a record of no metrics work.
BOOST_AUTO_TEST_CASE(a_schema_without_metrics) {
    int exits = 0;
    tmx::metrics_context<tmx::schema<>> context{[&](auto const& e) { exits += e.metrics.empty() ? 1 : 100; }};
    {
        auto const scope = context.enter();
    }
    tmx::record<tmx::schema<>> const a;
    std::ostringstream printed;
    printed << a;
    BOOST_TEST(exits == 1);
    BOOST_TEST((a == tmx::record<tmx::schema<>>{}));
    BOOST_TEST(printed.str() == "{}");
}
