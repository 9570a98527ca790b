// SPDX-License-Identifier: BSL-1.0
// prometheus_aggregator: totals over many records and their exposition text.
// (promtool checks the text and a real Prometheus scrapes it: see
// tests/prometheus/.)
#define BOOST_TEST_MODULE prometheus
#include <boost/test/unit_test.hpp>

#include "../support/fixture.hpp"

#include <typed_metrics/prometheus.hpp>

#include <array>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using schema = tmx::schema<tmx::counter<"graph_breaks">, tmx::value<"backend", std::string>,
                           tmx::counter<"cache_hit_ratio", double>, tmx::set_of<"guards", std::string>>;

}  // namespace

BOOST_AUTO_TEST_CASE(counters_records_and_durations_are_summed_and_rendered) {
    tmx::prometheus_aggregator<schema> totals("compile");
    tmx::metrics_context<schema> context(std::ref(totals), {.clock = &fake_clock});
    for (int i = 0; i < 3; ++i) {
        auto const scope = context.enter();
        context.increment<"graph_breaks">(i);
        context.set<"backend">("inductor");
    }
    {
        auto const scope = context.enter();
        context.increment<"cache_hit_ratio">(0.25);  // no graph_breaks: adds nothing to it
    }
    BOOST_CHECK_THROW(context.run([&] {
        context.increment<"graph_breaks">(10);
        throw std::runtime_error("failed");
    }),
                      std::runtime_error);

    BOOST_TEST(totals.render() ==
               "# HELP compile_records_total Records reported (outermost exits), by whether an exception ended them.\n"
               "# TYPE compile_records_total counter\n"
               "compile_records_total{outcome=\"completed\"} 4\n"
               "compile_records_total{outcome=\"failed\"} 1\n"
               "# HELP compile_duration_seconds Time from the outermost enter to its exit.\n"
               "# TYPE compile_duration_seconds summary\n"
               "compile_duration_seconds_sum 5e-06\n"
               "compile_duration_seconds_count 5\n"
               "# HELP compile_graph_breaks_total Sum of the counter graph_breaks over all records.\n"
               "# TYPE compile_graph_breaks_total counter\n"
               "compile_graph_breaks_total 13\n"
               "# HELP compile_cache_hit_ratio_total Sum of the counter cache_hit_ratio over all records.\n"
               "# TYPE compile_cache_hit_ratio_total counter\n"
               "compile_cache_hit_ratio_total 0.25\n");
}

BOOST_AUTO_TEST_CASE(contexts_on_many_threads_report_to_one_aggregator) {
    tmx::prometheus_aggregator<schema> totals;
    constexpr int threads = 4;
    constexpr int records_per_thread = 5'000;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            tmx::metrics_context<schema> context(std::ref(totals));
            for (int i = 0; i < records_per_thread; ++i) {
                auto const scope = context.enter();
                context.increment<"graph_breaks">(2);
            }
        });
    }
    for (auto& worker : workers) worker.join();
    std::string const text = totals.render();
    BOOST_TEST(text.find("typed_metrics_records_total{outcome=\"completed\"} 20000\n") != std::string::npos, text);
    BOOST_TEST(text.find("typed_metrics_graph_breaks_total 40000\n") != std::string::npos, text);
    BOOST_TEST(text.find("typed_metrics_duration_seconds_count 20000\n") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(a_prefix_must_be_an_identifier) {
    for (char const* bad : {"", "1compile", "compile-metrics", "a b"}) {
        BOOST_CHECK_EXCEPTION(
            tmx::prometheus_aggregator<schema>{bad}, std::invalid_argument, [&](std::invalid_argument const& e) {
                return std::string(e.what()).find(std::string("got '") + bad + "'") != std::string::npos;
            });
    }
    BOOST_CHECK_NO_THROW(tmx::prometheus_aggregator<schema>{"_compile2"});
}

// Counter totals are float64, as Prometheus stores every sample: exact to
// 2^53, then rounded, never an integer overflow.
BOOST_AUTO_TEST_CASE(counter_totals_beyond_the_counters_type_are_rounded_not_wrapped) {
    tmx::prometheus_aggregator<schema> totals("compile");
    tmx::metrics_context<schema> context(std::ref(totals), {.clock = &fake_clock});
    for (int i = 0; i < 2; ++i) {
        auto const scope = context.enter();
        context.increment<"graph_breaks">(std::numeric_limits<std::int64_t>::max());
    }
    std::string const text = totals.render();
    BOOST_TEST(text.find("compile_graph_breaks_total 18446744073709551616\n") != std::string::npos, text);
}

// A floating-point counter can sum to an infinity or NaN; the exposition
// format spells those +Inf, -Inf and NaN.
BOOST_AUTO_TEST_CASE(non_finite_totals_are_written_as_the_exposition_format_spells_them) {
    for (auto const& [delta, spelled] : {std::pair{std::numeric_limits<double>::infinity(), "+Inf"},
                                         std::pair{-std::numeric_limits<double>::infinity(), "-Inf"},
                                         std::pair{std::numeric_limits<double>::quiet_NaN(), "NaN"}}) {
        tmx::prometheus_aggregator<schema> totals("compile");
        tmx::metrics_context<schema> context(std::ref(totals), {.clock = &fake_clock});
        {
            auto const scope = context.enter();
            context.increment<"cache_hit_ratio">(delta);
        }
        std::string const text = totals.render();
        BOOST_TEST(text.find(std::string("compile_cache_hit_ratio_total ") + spelled + "\n") != std::string::npos,
                   text);
    }
}

// The durations' sum is exact nanoseconds in an std::int64_t: a record whose
// duration would overflow it (or whose end minus start does) is refused whole
// with metrics_error, which the context hands to on_error, and no total moves.
namespace {
constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t least = std::numeric_limits<std::int64_t>::min();
// (start, end) of three records: the longest possible, one more nanosecond,
// and an end minus start that overflows by itself.
constexpr std::array<std::int64_t, 6> readings{0, most, 0, 1, least, most};
std::size_t next_reading = 0;
std::int64_t scripted_clock() noexcept {
    return readings[next_reading++];
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_record_that_would_overflow_the_durations_sum_is_refused_whole) {
    tmx::prometheus_aggregator<schema> totals("compile");
    std::vector<std::string> errors;
    tmx::metrics_context<schema> context(std::ref(totals),
                                         {.clock = &scripted_clock, .on_error = [&](std::exception_ptr e) {
                                              errors.push_back(reporting_fixture<schema>::message(e));
                                          }});
    for (int i = 0; i < 3; ++i) {
        auto const scope = context.enter();
        context.increment<"graph_breaks">(i + 1);
    }
    std::string const refused =
        "Cannot add a record to compile_duration_seconds_sum: its nanoseconds would overflow an std::int64_t";
    BOOST_TEST(errors == (std::vector<std::string>{refused, refused}), boost::test_tools::per_element());
    std::string const text = totals.render();
    BOOST_TEST(text.find("compile_records_total{outcome=\"completed\"} 1\n") != std::string::npos, text);
    BOOST_TEST(text.find("compile_duration_seconds_count 1\n") != std::string::npos, text);
    BOOST_TEST(text.find("compile_duration_seconds_sum 9223372036.854776\n") != std::string::npos, text);
    BOOST_TEST(text.find("compile_graph_breaks_total 1\n") != std::string::npos, text);
}
