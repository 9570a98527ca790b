// SPDX-License-Identifier: BSL-1.0
// tmx::fan_out: one record to several sinks; a sink that throws goes to the
// context's error hook and the others still run.
#define BOOST_TEST_MODULE fan_out
#include <boost/test/unit_test.hpp>

#include "../support/fixture.hpp"

#include <typed_metrics/failure.hpp>
#include <typed_metrics/fan_out.hpp>
#include <typed_metrics/history.hpp>
#include <typed_metrics/json.hpp>
#include <typed_metrics/prometheus.hpp>

#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using schema = tmx::schema<tmx::counter<"graph_breaks">>;

struct fan_out_fixture : reporting_fixture<schema> {
    std::vector<std::string> calls;  // which sink ran, in order

    auto sink(std::string name) {
        return [this, name](tmx::exit_info<schema> const&) { calls.push_back(name); };
    }
};

}  // namespace

namespace fan_out_test {
struct not_std {};  // named: the demangled name of a type in an unnamed namespace differs by compiler
}  // namespace fan_out_test

BOOST_FIXTURE_TEST_SUITE(fan_out, fan_out_fixture)

BOOST_AUTO_TEST_CASE(every_sink_runs_in_order_with_the_same_record) {
    std::vector<std::int64_t> seen;
    auto const count = [&](tmx::exit_info<schema> const& exit) {
        seen.push_back(exit.metrics.get<"graph_breaks">().value());
    };
    tmx::metrics_context<schema> context{tmx::fan_out(sink("a"), count, sink("b"), count), options()};
    {
        auto const scope = context.enter();
        context.increment<"graph_breaks">(3);
    }
    BOOST_TEST(calls == (std::vector<std::string>{"a", "b"}));
    BOOST_TEST(seen == (std::vector<std::int64_t>{3, 3}));
    BOOST_TEST(errors.empty());
}

BOOST_AUTO_TEST_CASE(a_throwing_sink_is_reported_and_the_others_still_run) {
    auto const throwing = [](tmx::exit_info<schema> const&) { throw std::runtime_error("sink 2 failed"); };
    auto const throwing_other = [](tmx::exit_info<schema> const&) { throw fan_out_test::not_std{}; };
    tmx::metrics_context<schema> context{
        tmx::fan_out(sink("first"), throwing, sink("third"), throwing_other, sink("fifth")), options()};
    {
        auto const scope = context.enter();
    }
    BOOST_TEST(calls == (std::vector<std::string>{"first", "third", "fifth"}));
    BOOST_TEST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(message(errors[0]) == "sink 2 failed");
    BOOST_TEST(tmx::failure_type(errors[1]) == "fan_out_test::not_std");
    // The next unit goes through all of them again.
    {
        auto const scope = context.enter();
    }
    BOOST_TEST(calls.size() == 6u);
    BOOST_TEST(errors.size() == 4u);
}

BOOST_AUTO_TEST_CASE(an_empty_std_function_sink_is_reported_as_any_throwing_sink) {
    std::function<void(tmx::exit_info<schema> const&)> const empty;
    tmx::metrics_context<schema> context{tmx::fan_out(empty, sink("after")), options()};
    {
        auto const scope = context.enter();
    }
    BOOST_TEST(calls == (std::vector<std::string>{"after"}));
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(tmx::failure_type(errors[0]) == "std::bad_function_call");
}

BOOST_AUTO_TEST_CASE(a_throwing_error_hook_does_not_stop_the_sinks) {
    auto const throwing = [](tmx::exit_info<schema> const&) { throw std::runtime_error("sink failed"); };
    int hook_calls = 0;
    tmx::metrics_context<schema> context{tmx::fan_out(throwing, sink("after"), throwing, sink("last")),
                                         {.on_error = [&](std::exception_ptr) {
                                             ++hook_calls;
                                             throw std::logic_error("the hook failed too");
                                         }}};
    {
        auto const scope = context.enter();
    }
    BOOST_TEST(calls == (std::vector<std::string>{"after", "last"}));
    BOOST_TEST(hook_calls == 2);
}

BOOST_AUTO_TEST_CASE(json_lines_history_and_prometheus_get_one_record_each) {
    std::ostringstream bad_stream;
    bad_stream.setstate(std::ios_base::badbit);  // this sink throws std::ios_base::failure
    std::ostringstream lines;
    tmx::history<schema> kept{8};
    tmx::prometheus_aggregator<schema> totals;
    tmx::metrics_context<schema> context{
        tmx::fan_out(tmx::json_lines_sink(bad_stream), tmx::json_lines_sink(lines), std::ref(kept), std::ref(totals)),
        options()};
    for (int i = 1; i <= 2; ++i) {
        auto const scope = context.enter();
        context.increment<"graph_breaks">(i);
    }
    BOOST_TEST(errors.size() == 2u);
    BOOST_TEST(message(errors[0]).find("json_lines_sink could not write") != std::string::npos);
    std::istringstream written(lines.str());
    int line_count = 0;
    for (std::string line; std::getline(written, line);) ++line_count;
    BOOST_TEST(line_count == 2);
    BOOST_TEST(kept.size() == 2u);
    BOOST_TEST(totals.render().find("typed_metrics_graph_breaks_total 3") != std::string::npos, totals.render());
}

BOOST_AUTO_TEST_CASE(fan_outs_nest_and_serve_the_runtime_context) {
    auto const throwing = [](tmx::exit_info<schema> const&) { throw std::runtime_error("inner sink failed"); };
    {
        tmx::runtime_metrics_context<schema> context{
            tmx::fan_out(sink("outer"), tmx::fan_out(throwing, sink("inner")), sink("outer again")), options()};
        context.increment<"graph_breaks">(1);
    }
    BOOST_TEST(calls == (std::vector<std::string>{"outer", "inner", "outer again"}));
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) == "inner sink failed");
}

BOOST_AUTO_TEST_CASE(no_sink_does_nothing) {
    tmx::metrics_context<schema> context{tmx::fan_out(), options()};
    {
        auto const scope = context.enter();
    }
    BOOST_TEST(errors.empty());
    static_assert(noexcept(std::declval<tmx::fan_out<>&>()(std::declval<tmx::exit_info<schema> const&>())));
}

BOOST_AUTO_TEST_SUITE_END()
