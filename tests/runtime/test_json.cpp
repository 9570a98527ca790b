// SPDX-License-Identifier: BSL-1.0
// to_json and the JSON Lines sink: the exact text, escaping, numbers.
// (test_nlohmann parses the same output with a real JSON parser.)
#define BOOST_TEST_MODULE json
#include <boost/test/unit_test.hpp>

#include "../support/recording_buffer.hpp"
#include "../support/export_schema.hpp"

#include <typed_metrics/json.hpp>
#include <typed_metrics/schema_id.hpp>

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <ostream>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using export_test::export_fixture;
using export_test::schema;

// What every line of a sink for `schema` writes before its metrics.
std::string const schema_field = R"("schema":")" + std::string(tmx::schema_id_text<schema>) + R"(",)";

BOOST_FIXTURE_TEST_SUITE(json_suite, export_fixture)

BOOST_AUTO_TEST_CASE(every_shape_in_schema_order) {
    BOOST_TEST(tmx::to_json(record_everything()) == everything_json);
}

BOOST_AUTO_TEST_CASE(unrecorded_metrics_are_left_out) {
    BOOST_TEST(tmx::to_json(tmx::record<schema>{}) == "{}");
    {
        auto const scope = context.enter();
        context.increment<"graph_breaks">(0);
        context.add_to_set<"guards">("x");
    }
    BOOST_TEST(tmx::to_json(exits.back().metrics) == R"({"graph_breaks":0,"guards":["x"]})");
}

BOOST_AUTO_TEST_CASE(every_control_character_and_invalid_utf8_is_escaped) {
    std::string all_controls;
    std::string expected = "\"";
    for (int c = 0; c < 0x20; ++c) {
        all_controls += static_cast<char>(c);
        char const* short_form = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : nullptr;
        if (short_form) {
            expected += short_form;
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\u%04x", c);
            expected += hex;
        }
    }
    expected += "\\\"\\\\/\x7f\"";
    all_controls += "\"\\/\x7f";

    struct case_ {
        std::string value;
        std::string json;
    } const cases[] = {
        {all_controls, expected},
        {std::string("a\0b", 3), R"("a\u0000b")"},
        // Well-formed UTF-8 is kept: 2, 3 and 4 byte sequences.
        {"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\""},
        // Each byte that does not start a well-formed sequence becomes the
        // private-use character U+EF00 + byte: a lone continuation, a
        // truncated sequence, an overlong form, a surrogate, a code point
        // above U+10FFFF, bytes never used.
        {"\x80", "\"\xee\xbe\x80\""},
        {"\xe2\x82", "\"\xee\xbf\xa2\xee\xbe\x82\""},
        {"\xc0\xaf", "\"\xee\xbf\x80\xee\xbe\xaf\""},
        {"\xed\xa0\x80", "\"\xee\xbf\xad\xee\xbe\xa0\xee\xbe\x80\""},
        {"\xf4\x90\x80\x80", "\"\xee\xbf\xb4\xee\xbe\x90\xee\xbe\x80\xee\xbe\x80\""},
        {"a\xff\xfe"
         "b",
         "\"a\xee\xbf\xbf\xee\xbf\xbe"
         "b\""},
        // A well-formed U+EF80..U+EFFF is written byte by byte too, so that it
        // cannot be read as the invalid byte it would otherwise stand for.
        {"\xee\xbe\x80", "\"\xee\xbf\xae\xee\xbe\xbe\xee\xbe\x80\""},
        {"\xee\xbf\xbf", "\"\xee\xbf\xae\xee\xbe\xbf\xee\xbe\xbf\""},
        // Just outside that range: kept.
        {"\xee\xbe\x7f", "\"\xee\xbf\xae\xee\xbe\xbe\x7f\""},
        {"\xee\xbd\xbf\xef\x80\x80", "\"\xee\xbd\xbf\xef\x80\x80\""},
    };
    for (auto const& [value, json] : cases) {
        {
            auto const scope = context.enter();
            context.set<"backend">(value);
        }
        BOOST_TEST(tmx::to_json(exits.back().metrics) == R"({"backend":)" + json + "}");
    }
}

BOOST_AUTO_TEST_CASE(doubles_read_back_exactly_and_non_finite_ones_are_strings) {
    std::mt19937_64 random(2026);
    std::uniform_int_distribution<std::uint64_t> bits;
    for (int i = 0; i < 10'000; ++i) {
        double value = std::bit_cast<double>(bits(random));
        if (!std::isfinite(value)) continue;
        {
            auto const scope = context.enter();
            context.set<"compile_ms">(value);
        }
        std::string const json = tmx::to_json(exits.back().metrics);
        std::string const number = json.substr(std::string(R"({"compile_ms":)").size(), json.size() - 15);
        double read_back = 0;
        auto const [end, error] = std::from_chars(number.data(), number.data() + number.size(), read_back);
        BOOST_TEST_REQUIRE((error == std::errc{} && end == number.data() + number.size()), json);
        BOOST_TEST_REQUIRE(std::bit_cast<std::uint64_t>(read_back) == std::bit_cast<std::uint64_t>(value), json);
    }
    constexpr double inf = std::numeric_limits<double>::infinity();
    struct case_ {
        double value;
        char const* json;
    } const cases[] = {
        {std::numeric_limits<double>::quiet_NaN(), R"("NaN")"}, {inf, R"("Infinity")"}, {-inf, R"("-Infinity")"}};
    for (auto const& [value, json] : cases) {
        {
            auto const scope = context.enter();
            context.set<"compile_ms">(value);
            context.set_key_value<"by_level">(1, value);
        }
        BOOST_TEST(tmx::to_json(exits.back().metrics) ==
                   std::string(R"({"compile_ms":)") + json + R"(,"by_level":{"1":)" + json + "}}");
    }
}

BOOST_AUTO_TEST_CASE(large_integers_can_be_strings_for_javascript) {
    tmx::json_options const exact_in_javascript{.large_integers_as_strings = true};
    std::string expected = everything_json;
    expected.replace(expected.find("9223372036854775808"), 19, R"("9223372036854775808")");
    BOOST_TEST(tmx::to_json(record_everything(), exact_in_javascript) == expected);

    std::int64_t constexpr safe = (std::int64_t{1} << 53) - 1;
    for (auto [count, json] : {std::pair<std::int64_t, std::string>{safe, "9007199254740991"},
                               {safe + 1, R"("9007199254740992")"},
                               {-safe, "-9007199254740991"},
                               {-safe - 1, R"("-9007199254740992")"},
                               {std::numeric_limits<std::int64_t>::min(), R"("-9223372036854775808")"}}) {
        {
            auto const scope = context.enter();
            context.increment<"graph_breaks">(count);
        }
        BOOST_TEST(tmx::to_json(exits.back().metrics, exact_in_javascript) == R"({"graph_breaks":)" + json + "}");
    }

    std::ostringstream out;
    tmx::metrics_context<schema> sinking{tmx::json_lines_sink(out, exact_in_javascript), options()};
    fake_now = safe - 1000;
    {
        auto const scope = sinking.enter();
    }
    BOOST_TEST(out.str() == R"({"start_ns":9007199254740991,"end_ns":"9007199254741991","duration_ns":1000,)"
                            R"("unwinding":false,"exception":null,"exception_type":null,)" +
                                schema_field + R"("metrics":{}})" + "\n");
}

BOOST_AUTO_TEST_CASE(a_json_lines_sink_writes_one_line_per_outermost_exit) {
    std::ostringstream out;
    tmx::metrics_context<schema> sinking{tmx::json_lines_sink(out), options()};
    fake_now = 0;
    {
        auto const outer = sinking.enter();
        {
            auto const inner = sinking.enter();
            sinking.increment<"graph_breaks">(1);
        }
        sinking.set<"backend">("eager");
    }
    BOOST_CHECK_THROW(sinking.run([&] {
        sinking.increment<"graph_breaks">(2);
        throw std::runtime_error("no kernel for \"fft\"");
    }),
                      std::runtime_error);
    BOOST_CHECK_THROW(sinking.run([] { throw 42; }), int);
    try {
        auto const scope = sinking.enter();
        throw std::logic_error("not captured");
    } catch (std::logic_error const&) {
    }
    BOOST_TEST(
        out.str() ==
        R"({"start_ns":1000,"end_ns":2000,"duration_ns":1000,"unwinding":false,"exception":null,"exception_type":null,)" +
            schema_field + R"("metrics":{"graph_breaks":1,"backend":"eager"}})" + "\n" +
            R"({"start_ns":3000,"end_ns":4000,"duration_ns":1000,"unwinding":true,)"
            R"("exception":"no kernel for \"fft\"","exception_type":"std::runtime_error",)" +
            schema_field + R"("metrics":{"graph_breaks":2}})" + "\n" +
            R"({"start_ns":5000,"end_ns":6000,"duration_ns":1000,"unwinding":true,)"
            R"("exception":"an exception not derived from std::exception","exception_type":"int",)" +
            schema_field + R"("metrics":{}})" + "\n" +
            R"({"start_ns":7000,"end_ns":8000,"duration_ns":1000,"unwinding":true,"exception":null,"exception_type":null,)" +
            schema_field + R"("metrics":{}})" + "\n");
    BOOST_TEST(errors.empty());
}

BOOST_AUTO_TEST_CASE(a_failed_scope_writes_its_exception_type_and_nested_reason) {
    std::ostringstream out;
    tmx::metrics_context<schema> sinking{tmx::json_lines_sink(out), options()};
    fake_now = 0;
    try {
        auto const scope = sinking.enter();
        try {
            try {
                throw std::out_of_range("no kernel for \"fft\"");
            } catch (...) {
                std::throw_with_nested(std::runtime_error("codegen failed"));
            }
        } catch (...) {
            scope.fail(std::current_exception());
            throw;
        }
    } catch (std::runtime_error const&) {
    }
    BOOST_TEST(out.str() == R"({"start_ns":1000,"end_ns":2000,"duration_ns":1000,"unwinding":true,)"
                            R"("exception":"codegen failed; caused by std::out_of_range: no kernel for \"fft\"",)"
                            R"("exception_type":"std::runtime_error",)" +
                                schema_field + R"("metrics":{}})" + "\n");
}

BOOST_AUTO_TEST_CASE(a_sink_whose_stream_fails_reports_to_the_error_hook) {
    std::ostringstream out;
    out.setstate(std::ios_base::badbit);
    tmx::metrics_context<schema> sinking{tmx::json_lines_sink(out), options()};
    {
        auto const scope = sinking.enter();
        sinking.increment<"graph_breaks">(1);
    }
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors.front()).find("json_lines_sink could not write") != std::string::npos);
}

// A stream whose writes record a unit of work into a JSON Lines sink (a
// logger instrumented with the library): the nested record would wait for
// the lock its own thread holds (std::syncbuf's locks are a few that every
// stream buffer shares). It is refused and reported; the outer line is
// written whole.
BOOST_AUTO_TEST_CASE(a_sink_called_from_a_sinks_own_write_refuses_the_nested_record) {
    recording_buffer buffer;
    std::ostream out{&buffer};
    tmx::metrics_context<schema> outer{tmx::json_lines_sink(out), options()};
    tmx::metrics_context<schema> inner{tmx::json_lines_sink(out), options()};
    buffer.on_write = [&] {
        auto const scope = inner.enter();
        inner.increment<"graph_breaks">(2);
    };
    {
        auto const scope = outer.enter();
        outer.increment<"graph_breaks">(1);
    }
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) ==
               "typed_metrics: json_lines_sink was called from a json_lines_sink's write on the same thread; that "
               "record is not written");
    std::string const lines = buffer.str();
    BOOST_TEST(std::count(lines.begin(), lines.end(), '\n') == 1);
    BOOST_TEST(lines.find(R"("metrics":{"graph_breaks":1})") != std::string::npos, lines);
}

// Clock readings whose difference does not fit an std::int64_t (a clock that
// jumped from the earliest to the latest time): the sink writes nothing and
// says why, through the error hook, rather than a wrapped duration.
namespace {
std::int64_t jumping_clock() noexcept {
    static bool latest = false;
    latest = !latest;
    return latest ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_duration_that_does_not_fit_is_reported_not_written) {
    std::ostringstream out;
    auto const keep_error = [&](std::exception_ptr e) { errors.push_back(e); };
    tmx::metrics_context<schema> sinking{tmx::json_lines_sink(out), {.clock = &jumping_clock, .on_error = keep_error}};
    {
        auto const scope = sinking.enter();
        sinking.increment<"graph_breaks">(1);
    }
    BOOST_TEST(out.str().empty(), out.str());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors.front()) ==
               "json_lines_sink cannot write duration_ns: end_ns - start_ns overflows an std::int64_t");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

struct line_schema : tmx::schema<tmx::counter<"thread">, tmx::counter<"i">, tmx::value<"padding", std::string>> {};

constexpr int writer_threads = 4;
constexpr int records_per_thread = 2'000;
std::ostream* shared_stream = nullptr;

// Each thread has its own context, hence its own sink, all on one stream.
void write_records(int thread) {
    thread_local tmx::metrics_context<line_schema> context{tmx::json_lines_sink(*shared_stream)};
    std::string const padding(200, static_cast<char>('a' + thread));
    for (int i = 0; i < records_per_thread; ++i) {
        auto const scope = context.enter();
        context.increment<"thread">(thread);
        context.increment<"i">(i);
        context.set<"padding">(padding);
    }
}

// Every line whole: exactly the sink's format, one per record, none twice.
void check_lines(std::string const& text) {
    std::regex const line_format(
        R"(\{"start_ns":\d+,"end_ns":\d+,"duration_ns":\d+,"unwinding":false,"exception":null,"exception_type":null,)"
        R"("schema":")" +
        std::string(tmx::schema_id_text<line_schema>) +
        R"(","metrics":\{"thread":(\d),"i":(\d+),"padding":"([a-z])\3{199}"\}\})");
    std::set<std::pair<int, int>> seen;
    std::istringstream lines(text);
    std::size_t count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        std::smatch match;
        BOOST_TEST_REQUIRE(std::regex_match(line, match, line_format), "line " << count << ": " << line);
        int const thread = std::stoi(match[1]);
        BOOST_TEST_REQUIRE(match[3].str()[0] == static_cast<char>('a' + thread));
        BOOST_TEST_REQUIRE(seen.emplace(thread, std::stoi(match[2])).second, line);
    }
    BOOST_TEST(count == std::size_t{writer_threads * records_per_thread});
    BOOST_TEST(seen.size() == std::size_t{writer_threads * records_per_thread});
}

void write_from_threads(std::ostream& out) {
    shared_stream = &out;
    std::vector<std::thread> threads;
    for (int thread = 0; thread < writer_threads; ++thread) threads.emplace_back(write_records, thread);
    for (auto& thread : threads) thread.join();
}

}  // namespace

BOOST_AUTO_TEST_CASE(separate_sinks_on_one_stream_write_whole_lines_from_any_thread) {
    std::filesystem::path const path =
        std::filesystem::temp_directory_path() / ("typed_metrics_sinks_" + std::to_string(::getpid()) + ".jsonl");
    {
        std::ofstream file(path);
        write_from_threads(file);
    }
    std::ifstream file(path);
    std::ostringstream text;
    text << file.rdbuf();
    std::filesystem::remove(path);
    check_lines(text.str());

    std::ostringstream memory;
    write_from_threads(memory);
    check_lines(memory.str());
}
