// SPDX-License-Identifier: BSL-1.0
// runtime_metrics_context: no scopes, extras that only fill absent values,
// timing from the first record, finish() hands over and resets.
#define BOOST_TEST_MODULE runtime_metrics_context
#include <boost/test/unit_test.hpp>

#include "../support/fixture.hpp"

#include <typed_metrics/json.hpp>

#include <cstdint>
#include <exception>
#include <fstream>
#include <ios>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace {

using schema =
    tmx::schema<tmx::counter<"graph_breaks">, tmx::value<"backend", std::string>, tmx::value<"compile_ms", double>>;

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

BOOST_AUTO_TEST_CASE(what_on_exit_throws_goes_to_on_error_and_the_record_is_reset) {
    int calls = 0;
    tmx::runtime_metrics_context<schema> throwing{[&](tmx::exit_info<schema> const& e) {
                                                      ++calls;
                                                      keep(e);
                                                      throw std::runtime_error("sink is down");
                                                  },
                                                  options()};
    throwing.increment<"graph_breaks">(1);
    BOOST_CHECK_NO_THROW(throwing.finish());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) == "sink is down");
    throwing.finish();  // the record was reset: nothing to report
    BOOST_TEST(calls == 1);
    throwing.increment<"graph_breaks">(2);
    throwing.finish();  // the next cycle starts from an empty record
    BOOST_TEST_REQUIRE(exits.size() == 2u);
    BOOST_TEST(*exits[1].metrics.get<"graph_breaks">() == 2);
    BOOST_TEST(errors.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_json_lines_sink_on_a_full_device_is_reported_not_thrown) {
    std::ofstream full{"/dev/full"};
    BOOST_TEST_REQUIRE(full.is_open());
    tmx::runtime_metrics_context<schema> to_full{tmx::json_lines_sink(full), options()};
    to_full.increment<"graph_breaks">(1);
    BOOST_CHECK_NO_THROW(to_full.finish());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_CHECK_THROW(std::rethrow_exception(errors[0]), std::ios_base::failure);
}

BOOST_AUTO_TEST_CASE(a_throwing_error_hook_is_swallowed) {
    tmx::runtime_metrics_context<schema> throwing{
        [](auto const&) { throw std::runtime_error("sink is down"); },
        {.clock = &fake_clock, .on_error = [](std::exception_ptr) { throw std::logic_error("hook is down"); }}};
    throwing.increment<"graph_breaks">(1);
    BOOST_CHECK_NO_THROW(throwing.finish());
    BOOST_CHECK_NO_THROW(throwing.finish());  // reset all the same
}

BOOST_AUTO_TEST_CASE(the_destructor_finishes_a_pending_record) {
    {
        tmx::runtime_metrics_context<schema> pending{[this](auto const& e) { keep(e); }, options()};
        pending.increment<"graph_breaks">(4, tmx::arg<"backend"> = "eager");
    }
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(*exits[0].metrics.get<"graph_breaks">() == 4);
    BOOST_TEST(*exits[0].metrics.get<"backend">() == "eager");
    {
        tmx::runtime_metrics_context<schema> finished{[this](auto const& e) { keep(e); }, options()};
        finished.increment<"graph_breaks">(1);
        finished.finish();
    }
    BOOST_TEST(exits.size() == 2u);  // nothing pending at destruction: no second report
}

BOOST_AUTO_TEST_CASE(the_destructor_never_throws_even_when_on_exit_and_its_hook_throw) {
    int calls = 0;
    auto const destroy_pending = [&](tmx::context_options hook) {
        tmx::runtime_metrics_context<schema> pending{[&](auto const&) {
                                                         ++calls;
                                                         throw std::runtime_error("sink is down");
                                                     },
                                                     std::move(hook)};
        pending.increment<"graph_breaks">(1);
    };
    BOOST_CHECK_NO_THROW(destroy_pending(options()));
    BOOST_TEST(calls == 1);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) == "sink is down");
    BOOST_CHECK_NO_THROW(destroy_pending(
        {.clock = &fake_clock, .on_error = [](std::exception_ptr) { throw std::logic_error("hook is down"); }}));
    BOOST_TEST(calls == 2);
}

// on_exit records on its own context and calls finish() again, as a hostile
// user would: the record it was handed stays as reported until it returns,
// and what it recorded is the next record, whole.
BOOST_AUTO_TEST_CASE(what_on_exit_records_goes_to_the_next_record) {
    int calls = 0;
    tmx::runtime_metrics_context<schema>* self = nullptr;
    tmx::runtime_metrics_context<schema> reentrant{
        [&](tmx::exit_info<schema> const& e) {
            ++calls;
            keep(e);
            if (calls > 1) return;
            self->increment<"graph_breaks">(100, tmx::arg<"backend"> = "from on_exit");
            BOOST_TEST(e.metrics.get<"graph_breaks">().value_or(-1) == 1);
            self->finish();  // while on_exit runs: reported by the next finish()
            BOOST_TEST(e.metrics.get<"graph_breaks">().value_or(-1) == 1);
            BOOST_TEST(!e.metrics.contains<"backend">());
            BOOST_TEST(e.metrics == exits[0].metrics);
            throw std::runtime_error("after recording");
        },
        options()};
    self = &reentrant;
    reentrant.increment<"graph_breaks">(1, tmx::arg<"compile_ms"> = 2.5);
    reentrant.finish();
    BOOST_TEST(calls == 1);
    BOOST_TEST(errors.size() == 1u);
    reentrant.finish();
    BOOST_TEST_REQUIRE(exits.size() == 2u);
    BOOST_TEST(*exits[1].metrics.get<"graph_breaks">() == 100);
    BOOST_TEST(*exits[1].metrics.get<"backend">() == "from on_exit");
    BOOST_TEST(!exits[1].metrics.contains<"compile_ms">());
    BOOST_TEST(exits[1].start_ns > exits[0].start_ns);  // its own cycle's clock reading
    reentrant.finish();
    BOOST_TEST(calls == 2);  // nothing left
}

// In the destructor there is no next record: what on_exit records then is
// dropped, without touching freed memory, and reported (a timer ending in
// that on_exit is such a write).
BOOST_AUTO_TEST_CASE(what_on_exit_records_during_the_destructor_is_dropped_and_reported) {
    int calls = 0;
    {
        tmx::runtime_metrics_context<schema>* self = nullptr;
        tmx::runtime_metrics_context<schema> reentrant{[&](auto const&) {
                                                           ++calls;
                                                           self->increment<"graph_breaks">(1);
                                                           self->finish();
                                                       },
                                                       options()};
        self = &reentrant;
        reentrant.increment<"graph_breaks">(1);
    }
    BOOST_TEST(calls == 1);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) ==
               "Cannot record graph_breaks from an on_exit called by the runtime_metrics_context's destructor: the "
               "record is dropped");
}

// The report says the record is dropped: an error hook that calls finish()
// then must not hand it to on_exit after all.
BOOST_AUTO_TEST_CASE(a_finish_from_the_error_hook_while_the_destructor_reports_does_nothing) {
    int calls = 0;
    {
        tmx::runtime_metrics_context<schema>* self = nullptr;
        tmx::context_options hook = options();
        hook.on_error = [&](std::exception_ptr e) {
            errors.push_back(e);
            self->finish();
        };
        tmx::runtime_metrics_context<schema> reentrant{[&](auto const&) {
                                                           ++calls;
                                                           self->increment<"graph_breaks">(1);
                                                       },
                                                       hook};
        self = &reentrant;
        reentrant.increment<"graph_breaks">(1);
    }
    BOOST_TEST(calls == 1);
    BOOST_TEST(errors.size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_increment_that_would_overflow_throws_and_records_nothing) {
    runtime.increment<"graph_breaks">(std::numeric_limits<std::int64_t>::max());
    BOOST_CHECK_EXCEPTION(runtime.increment<"graph_breaks">(1, tmx::arg<"backend"> = "inductor"), tmx::metrics_error,
                          [](tmx::metrics_error const& e) {
                              return std::string(e.what()) ==
                                     "Cannot increment graph_breaks by 1: the counter "
                                     "(9223372036854775807) would overflow its type";
                          });
    runtime.finish();
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(*exits[0].metrics.get<"graph_breaks">() == std::numeric_limits<std::int64_t>::max());
    BOOST_TEST(!exits[0].metrics.contains<"backend">());  // the extras of a refused increment are not set
}

BOOST_AUTO_TEST_SUITE_END()
