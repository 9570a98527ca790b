// SPDX-License-Identifier: BSL-1.0
// Duration counters and timers, in both contexts: the units a counter
// accepts, the time a timer adds and where, and what a timer does when its
// unit of work, its counter or its clock misbehaves.
#define BOOST_TEST_MODULE timers
#include <boost/test/unit_test.hpp>

#include "../support/fixture.hpp"

#include <typed_metrics/json.hpp>
#include <typed_metrics/json_schema.hpp>
#include <typed_metrics/prometheus.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace {

using namespace std::chrono_literals;

struct timed_schema
    : tmx::schema<tmx::counter<"backend_compile", std::chrono::microseconds>,
                  tmx::counter<"total_seconds", std::chrono::duration<double>>,
                  tmx::counter<"short_ms", std::chrono::duration<std::int16_t, std::milli>>,
                  tmx::counter<"tiny_ns", std::chrono::duration<std::int16_t, std::nano>>, tmx::counter<"count">> {};

struct timer_fixture : reporting_fixture<timed_schema> {
    tmx::metrics_context<timed_schema> context{[this](auto const& e) { keep(e); }, options()};

    timer_fixture() { fake_steady_now = 1'000'000; }

    static void advance(std::chrono::nanoseconds elapsed) { fake_steady_now += elapsed.count(); }
    tmx::record<timed_schema> const& last() const { return exits.back().metrics; }
};

std::string printed(tmx::record<timed_schema> const& r) {
    std::ostringstream out;
    out << r;
    return out.str();
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(timers, timer_fixture)

BOOST_AUTO_TEST_CASE(increment_converts_a_coarser_unit_into_the_counters) {
    {
        auto const scope = context.enter();
        context.increment<"backend_compile">(12ms);
        context.increment<"backend_compile">(340us);
        context.increment<"total_seconds">(1500ms);  // into a floating count: any unit
    }
    BOOST_TEST(last().get<"backend_compile">()->count() == 12'340);
    BOOST_TEST(last().get<"total_seconds">()->count() == 1.5);
    BOOST_TEST(printed(last()) == "{backend_compile: 12340us, total_seconds: 1.5s}");
}

BOOST_AUTO_TEST_CASE(a_timer_adds_its_scopes_time_truncated_to_the_counters_unit) {
    {
        auto const scope = context.enter();
        {
            auto const timer = context.timed<"backend_compile">();
            advance(1'500'999ns);
        }
        {
            auto const timer = context.timed<"backend_compile">();
            advance(999ns);  // less than a microsecond: adds 0, and the counter is recorded
        }
    }
    BOOST_TEST(last().get<"backend_compile">()->count() == 1'500);
    BOOST_TEST(errors.empty());
}

BOOST_AUTO_TEST_CASE(a_timer_reads_the_monotonic_clock_not_the_records_clock) {
    fake_now = 0;
    {
        auto const scope = context.enter();
        auto const timer = context.timed<"backend_compile">();
        advance(7us);
    }
    // The record's clock (fake_clock) read twice, 1000 ns apart; the timer's moved 7 us.
    BOOST_TEST(exits.back().end_ns - exits.back().start_ns == 1000);
    BOOST_TEST(last().get<"backend_compile">()->count() == 7);
}

BOOST_AUTO_TEST_CASE(a_timer_ended_by_an_exception_still_adds_its_time) {
    BOOST_CHECK_THROW(context.run([&] {
        auto const timer = context.timed<"backend_compile">();
        advance(3ms);
        throw std::runtime_error("backend failed");
    }),
                      std::runtime_error);
    BOOST_TEST(exits.back().unwinding);
    BOOST_TEST(last().get<"backend_compile">()->count() == 3'000);
}

BOOST_AUTO_TEST_CASE(a_timer_outside_a_scope_throws_when_it_starts) {
    BOOST_CHECK_EXCEPTION((void)context.timed<"backend_compile">(), tmx::metrics_error,
                          [](tmx::metrics_error const& e) {
                              return std::string(e.what()) == "Cannot time backend_compile outside of a MetricsContext";
                          });
    BOOST_TEST(exits.empty());
}

BOOST_AUTO_TEST_CASE(a_moved_timer_adds_its_time_once) {
    {
        auto const scope = context.enter();
        auto start = [&] { return context.timed<"backend_compile">(); };
        std::optional<tmx::metrics_context<timed_schema>::timer<"backend_compile">> kept;
        {
            auto first = start();
            advance(2us);
            kept.emplace(std::move(first));  // `first` ends here, moved from: it adds nothing
        }
        advance(3us);
        kept.reset();
    }
    BOOST_TEST(last().get<"backend_compile">()->count() == 5);
}

BOOST_AUTO_TEST_CASE(a_timer_outliving_a_nested_scope_adds_to_its_unit_of_work) {
    {
        auto const outer = context.enter();
        std::optional<tmx::metrics_context<timed_schema>::timer<"backend_compile">> timer;
        {
            auto const inner = context.enter();
            timer.emplace(context.timed<"backend_compile">());
        }
        advance(4us);
        timer.reset();
    }
    BOOST_TEST(last().get<"backend_compile">()->count() == 4);
}

// A timer whose unit of work ended before it must not write into the next
// unit's record (nor into the one handed to on_exit): its time is dropped
// and reported.
BOOST_AUTO_TEST_CASE(a_timer_that_outlives_its_unit_of_work_writes_nowhere) {
    std::optional<tmx::metrics_context<timed_schema>::timer<"backend_compile">> late;
    {
        auto const scope = context.enter();
        context.increment<"count">(1);
        late.emplace(context.timed<"backend_compile">());
    }
    {
        auto const next = context.enter();
        context.increment<"count">(2);
        advance(9us);
        late.reset();
    }
    BOOST_TEST_REQUIRE(exits.size() == 2u);
    BOOST_TEST(!exits[0].metrics.contains<"backend_compile">());
    BOOST_TEST(!exits[1].metrics.contains<"backend_compile">());
    BOOST_TEST(*exits[1].metrics.get<"count">() == 2);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) == "Cannot add a timer's time to backend_compile: its unit of work ended before it");
}

BOOST_AUTO_TEST_CASE(a_timer_ending_while_on_exit_reads_its_record_leaves_that_record_alone) {
    std::optional<tmx::metrics_context<timed_schema>::timer<"backend_compile">> late;
    std::optional<bool> seen_during_on_exit;
    tmx::metrics_context<timed_schema> ending{[&](auto const& e) {
                                                  late.reset();  // the timer ends while on_exit reads
                                                  seen_during_on_exit =
                                                      e.metrics.template contains<"backend_compile">();
                                              },
                                              options()};
    {
        auto const scope = ending.enter();
        late.emplace(ending.timed<"backend_compile">());
        advance(5us);
    }
    BOOST_TEST((seen_during_on_exit == std::optional<bool>{false}));
    BOOST_TEST(errors.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_sum_that_would_overflow_is_reported_and_the_counter_kept) {
    {
        auto const scope = context.enter();
        context.increment<"short_ms">(std::chrono::duration<std::int16_t, std::milli>{32'767});
        {
            auto const timer = context.timed<"short_ms">();
            advance(1ms);
        }
    }
    BOOST_TEST(last().get<"short_ms">()->count() == 32'767);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    // A timer's message names the timer, not an increment the user never wrote.
    BOOST_TEST(message(errors[0]) ==
               "Cannot add a timer's time to short_ms: the sum would overflow the counter's type");
}

BOOST_AUTO_TEST_CASE(a_time_that_does_not_fit_the_counters_type_is_reported) {
    {
        auto const scope = context.enter();
        auto const timer = context.timed<"tiny_ns">();
        advance(40'000ns);  // more than an std::int16_t of nanoseconds
    }
    BOOST_TEST(!last().contains<"tiny_ns">());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) == "Cannot add a timer's time to tiny_ns: its time does not fit the counter's type");
}

// The count converts as a plain counter's would: std::chrono alone would
// narrow a std::int64_t count of milliseconds into the std::int16_t one.
static_assert(!tmx::can_increment<timed_schema, "short_ms", std::chrono::milliseconds>);
static_assert(tmx::can_increment<timed_schema, "short_ms", std::chrono::duration<std::int16_t, std::milli>>);
static_assert(tmx::can_increment<timed_schema, "backend_compile", std::chrono::hours>);

// Character types are counts as any integer is (printed as numbers), and
// std::in_range refuses them: a timer must compile and check them too.
BOOST_AUTO_TEST_CASE(a_timer_of_a_character_count_adds_what_fits_and_reports_the_rest) {
    struct char_schema : tmx::schema<tmx::counter<"char_ms", std::chrono::duration<char, std::milli>>,
                                     tmx::counter<"char16_ms", std::chrono::duration<char16_t, std::milli>>> {};
    std::optional<tmx::record<char_schema>> kept;
    tmx::metrics_context<char_schema> chars{[&](auto const& e) { kept = e.metrics; }, options()};
    {
        auto const scope = chars.enter();
        {
            auto const t = chars.timed<"char_ms">();
            auto const t16 = chars.timed<"char16_ms">();
            advance(5ms);
        }
        auto const t = chars.timed<"char_ms">();
        advance(300ms);  // more than a char holds, signed or not
    }
    BOOST_TEST_REQUIRE(kept.has_value());
    BOOST_TEST(int{kept->get<"char_ms">()->count()} == 5);
    BOOST_TEST(int{kept->get<"char16_ms">()->count()} == 5);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) == "Cannot add a timer's time to char_ms: its time does not fit the counter's type");
}

BOOST_AUTO_TEST_CASE(a_duration_whose_count_in_the_counters_unit_does_not_fit_throws) {
    std::string const refused = "the duration does not fit the counter's type in its unit";
    {
        auto const scope = context.enter();
        context.increment<"backend_compile">(5us);
        context.increment<"short_ms">(std::chrono::duration<std::int16_t, std::milli>{7});
        // 3e12 hours in microseconds, and 40 s in std::int16_t milliseconds, do not fit.
        BOOST_CHECK_EXCEPTION(
            context.increment<"backend_compile">(std::chrono::hours{3'000'000'000'000}), tmx::metrics_error,
            [&](auto const& e) { return std::string(e.what()) == "Cannot increment backend_compile: " + refused; });
        BOOST_CHECK_EXCEPTION(
            context.increment<"short_ms">(std::chrono::duration<std::int16_t>{40}), tmx::metrics_error,
            [&](auto const& e) { return std::string(e.what()) == "Cannot increment short_ms: " + refused; });
        context.increment<"short_ms">(std::chrono::duration<std::int16_t>{3});
    }
    BOOST_TEST(last().get<"backend_compile">()->count() == 5);
    BOOST_TEST(last().get<"short_ms">()->count() == 3'007);
}

BOOST_AUTO_TEST_CASE(a_clock_spanning_more_than_an_int64_of_nanoseconds_is_reported) {
    fake_steady_now = -2;
    {
        auto const scope = context.enter();
        auto const timer = context.timed<"backend_compile">();
        fake_steady_now = std::numeric_limits<std::int64_t>::max();
    }
    BOOST_TEST(!last().contains<"backend_compile">());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) ==
               "Cannot add a timer's time to backend_compile: its time does not fit the counter's type");
}

BOOST_AUTO_TEST_CASE(a_clock_that_goes_back_counts_zero) {
    {
        auto const scope = context.enter();
        auto const timer = context.timed<"backend_compile">();
        fake_steady_now -= 5'000;
    }
    BOOST_TEST(last().get<"backend_compile">()->count() == 0);
}

BOOST_AUTO_TEST_CASE(a_floating_counter_keeps_the_fraction) {
    {
        auto const scope = context.enter();
        auto const timer = context.timed<"total_seconds">();
        advance(250ms);
    }
    BOOST_TEST(last().get<"total_seconds">()->count() == 0.25);
}

BOOST_AUTO_TEST_CASE(the_default_monotonic_clock_moves_forward) {
    std::int64_t const before = tmx::steady_clock_ns();
    std::int64_t const after = tmx::steady_clock_ns();
    BOOST_TEST(after >= before);
    auto const steady =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    // The same clock as std::chrono::steady_clock: a later reading of it is not earlier.
    BOOST_TEST(steady >= after);
}

BOOST_AUTO_TEST_CASE(exports_write_the_count_in_its_unit_and_name_the_unit) {
    {
        auto const scope = context.enter();
        context.increment<"backend_compile">(1500us);
        context.increment<"total_seconds">(250ms);
    }
    BOOST_TEST(tmx::to_json(last()) == R"({"backend_compile":1500,"total_seconds":0.25})");
    std::string const schema = tmx::json_schema<timed_schema>();
    BOOST_TEST(schema.find(R"("backend_compile":{"description":"counter","unit":"us","type":"integer")") !=
               std::string::npos);
    BOOST_TEST(schema.find(R"("total_seconds":{"description":"counter","unit":"s","anyOf")") != std::string::npos);
    BOOST_TEST(schema.find(R"("short_ms":{"description":"counter","unit":"ms")") != std::string::npos);

    tmx::prometheus_aggregator<timed_schema> totals("demo");
    tmx::error_hook const on_error = &tmx::report_to_stderr;
    totals({0, 0, last(), nullptr, false, on_error});
    std::string const text = totals.render();
    BOOST_TEST(text.find("# TYPE demo_backend_compile_seconds_total counter\n"
                         "demo_backend_compile_seconds_total 0.0015\n") != std::string::npos);
    BOOST_TEST(text.find("demo_total_seconds_seconds_total 0.25\n") != std::string::npos);
    BOOST_TEST(text.find("demo_count_total 0\n") != std::string::npos);  // not a duration: no unit
}

// A floating count that is not finite prints apart from its unit: `nans`
// would read as a word.
BOOST_AUTO_TEST_CASE(printing_a_non_finite_duration_keeps_its_unit_apart) {
    {
        auto const scope = context.enter();
        context.increment<"total_seconds">(std::chrono::duration<double>{std::numeric_limits<double>::quiet_NaN()});
    }
    BOOST_TEST(printed(last()) == "{total_seconds: nan s}");
    {
        auto const scope = context.enter();
        context.increment<"total_seconds">(std::chrono::duration<double>{-std::numeric_limits<double>::infinity()});
        context.increment<"backend_compile">(12us);
    }
    BOOST_TEST(printed(last()) == "{backend_compile: 12us, total_seconds: -inf s}");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(runtime_timers, timer_fixture)

// The runtime context has no unit of work: a timer is an increment made when
// it ends, into the record pending then.
BOOST_AUTO_TEST_CASE(a_runtime_timer_adds_to_the_record_pending_at_its_end) {
    tmx::runtime_metrics_context<timed_schema> runtime{[this](auto const& e) { keep(e); }, options()};
    {
        auto const timer = runtime.timed<"backend_compile">();
        advance(2ms);
    }
    std::optional<tmx::runtime_metrics_context<timed_schema>::timer<"backend_compile">> spanning;
    spanning.emplace(runtime.timed<"backend_compile">());
    advance(1ms);
    runtime.finish();
    advance(1ms);
    spanning.reset();
    runtime.finish();
    BOOST_TEST_REQUIRE(exits.size() == 2u);
    BOOST_TEST(exits[0].metrics.get<"backend_compile">()->count() == 2'000);
    BOOST_TEST(exits[1].metrics.get<"backend_compile">()->count() == 2'000);
}

BOOST_AUTO_TEST_CASE(a_runtime_timers_overflow_is_reported_and_the_counter_kept) {
    tmx::runtime_metrics_context<timed_schema> runtime{[this](auto const& e) { keep(e); }, options()};
    runtime.increment<"short_ms">(std::chrono::duration<std::int16_t, std::milli>{32'767});
    {
        auto const timer = runtime.timed<"short_ms">();
        advance(1ms);
    }
    runtime.finish();
    BOOST_TEST(exits.back().metrics.get<"short_ms">()->count() == 32'767);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) ==
               "Cannot add a timer's time to short_ms: the sum would overflow the counter's type");
}

// The destructor's on_exit has no next record for a timer to write into:
// the time is dropped, and reported rather than lost without a word.
BOOST_AUTO_TEST_CASE(a_runtime_timer_ending_in_the_destructors_on_exit_is_reported) {
    std::optional<tmx::runtime_metrics_context<timed_schema>::timer<"backend_compile">> late;
    {
        tmx::runtime_metrics_context<timed_schema> runtime{[&](auto const& e) {
                                                               keep(e);
                                                               advance(3us);
                                                               late.reset();
                                                           },
                                                           options()};
        runtime.increment<"count">(1);
        late.emplace(runtime.timed<"backend_compile">());
    }
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(!exits[0].metrics.contains<"backend_compile">());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) ==
               "Cannot record backend_compile from an on_exit called by the runtime_metrics_context's destructor: "
               "the record is dropped");
}

BOOST_AUTO_TEST_CASE(disabled_timers_are_empty_and_record_nothing) {
    tmx::metrics_context<timed_schema, tmx::disabled> off{nullptr};
    tmx::runtime_metrics_context<timed_schema, tmx::disabled> runtime_off{nullptr};
    auto const timer = off.timed<"backend_compile">();  // no scope needed: it does nothing
    auto const runtime_timer = runtime_off.timed<"backend_compile">();
    static_assert(std::is_empty_v<decltype(timer)> && std::is_trivially_destructible_v<decltype(timer)>);
    static_assert(std::is_empty_v<decltype(runtime_timer)>);
    BOOST_TEST(!off.in_progress());
}

BOOST_AUTO_TEST_SUITE_END()
