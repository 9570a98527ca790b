// SPDX-License-Identifier: BSL-1.0
// runtime_metrics_context: no scopes, extras that only fill absent values,
// timing from the first record, finish() hands over and resets.
#define BOOST_TEST_MODULE runtime_metrics_context
#include <boost/test/unit_test.hpp>

#include "fixture.hpp"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace {

using schema = tmx::schema<tmx::counter<"graph_breaks">, tmx::value<"backend", std::string>,
                           tmx::value<"compile_ms", double>>;

struct runtime_fixture : reporting_fixture<schema> {
    tmx::runtime_metrics_context<schema> runtime{[this](auto const& e) { keep(e); }, options()};
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(runtime_suite, runtime_fixture)

BOOST_AUTO_TEST_CASE(increment_needs_no_scope_and_finish_reports_it) {
    runtime.increment<"graph_breaks">(1);
    runtime.increment<"graph_breaks">(2);
    BOOST_TEST(exits.empty());
    runtime.finish();
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(*exits[0].metrics.get<"graph_breaks">() == 3);
    BOOST_TEST(!exits[0].exception);
    BOOST_TEST(!exits[0].unwinding);
}

BOOST_AUTO_TEST_CASE(extras_are_set_only_when_absent_first_write_wins) {
    runtime.increment<"graph_breaks">(1, tmx::arg<"backend"> = "inductor");
    runtime.increment<"graph_breaks">(1, tmx::arg<"backend"> = "eager", tmx::arg<"compile_ms"> = 2.5);
    runtime.finish();
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(*exits[0].metrics.get<"backend">() == "inductor");
    BOOST_TEST(*exits[0].metrics.get<"compile_ms">() == 2.5);
    BOOST_TEST(*exits[0].metrics.get<"graph_breaks">() == 2);
}

BOOST_AUTO_TEST_CASE(timing_starts_at_the_first_record_of_a_cycle) {
    std::int64_t const before = fake_now;
    runtime.increment<"graph_breaks">(1);  // reads the clock: before + 1000
    runtime.increment<"graph_breaks">(1);  // does not
    runtime.finish();                      // reads it again: before + 2000
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(exits[0].start_ns == before + 1000);
    BOOST_TEST(exits[0].end_ns == before + 2000);
}

BOOST_AUTO_TEST_CASE(finish_on_an_empty_record_does_nothing) {
    runtime.finish();
    BOOST_TEST(exits.empty());
}

BOOST_AUTO_TEST_CASE(finish_resets_for_the_next_cycle) {
    runtime.increment<"graph_breaks">(5, tmx::arg<"backend"> = "a");
    runtime.finish();
    runtime.increment<"graph_breaks">(1, tmx::arg<"backend"> = "b");
    runtime.finish();
    runtime.finish();  // empty again: nothing
    BOOST_TEST_REQUIRE(exits.size() == 2u);
    BOOST_TEST(*exits[1].metrics.get<"graph_breaks">() == 1);
    BOOST_TEST(*exits[1].metrics.get<"backend">() == "b");
}

BOOST_AUTO_TEST_CASE(a_throwing_on_exit_propagates_after_the_reset) {
    tmx::runtime_metrics_context<schema> throwing{[](auto const&) { throw std::runtime_error("sink is down"); },
                                                  options()};
    throwing.increment<"graph_breaks">(1);
    BOOST_CHECK_THROW(throwing.finish(), std::runtime_error);
    BOOST_CHECK_NO_THROW(throwing.finish());  // the record was reset: nothing to report
}

BOOST_AUTO_TEST_CASE(an_increment_that_would_overflow_throws_and_records_nothing) {
    runtime.increment<"graph_breaks">(std::numeric_limits<std::int64_t>::max());
    BOOST_CHECK_EXCEPTION(runtime.increment<"graph_breaks">(1, tmx::arg<"backend"> = "inductor"), tmx::metrics_error,
                          [](tmx::metrics_error const& e) {
                              return std::string(e.what()) == "Cannot increment graph_breaks by 1: the counter "
                                                              "(9223372036854775807) would overflow its type";
                          });
    runtime.finish();
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(*exits[0].metrics.get<"graph_breaks">() == std::numeric_limits<std::int64_t>::max());
    BOOST_TEST(!exits[0].metrics.contains<"backend">());  // the extras of a refused increment are not set
}

BOOST_AUTO_TEST_SUITE_END()
