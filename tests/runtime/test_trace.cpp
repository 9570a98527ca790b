// SPDX-License-Identifier: BSL-1.0
// Tracing: the spans a traced context records for each unit of work (their
// figures on an injected clock, the capacity and the dropped count, spans
// closed by exceptions, units of work opened from on_exit, late timers,
// threads), and the Chrome Trace Event export of them.
#define BOOST_TEST_MODULE trace
#include <boost/test/unit_test.hpp>

#include "../support/recording_buffer.hpp"
#include "../support/fixture.hpp"

#include <typed_metrics/chrome_trace.hpp>
#include <typed_metrics/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <functional>
#include <ios>
#include <limits>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using namespace std::chrono_literals;

struct traced_schema
    : tmx::schema<tmx::counter<"compile", std::chrono::microseconds>, tmx::counter<"parse", std::chrono::microseconds>,
                  tmx::counter<"codegen", std::chrono::microseconds>, tmx::value<"unit", std::string>,
                  tmx::counter<"count">> {};

// A span as a test compares it: its figures, without the thread.
struct seen_span {
    std::string name;
    std::int64_t start_ns;
    std::int64_t duration_ns;
    int depth;
    bool operator==(seen_span const&) const = default;
};
std::ostream& operator<<(std::ostream& out, seen_span const& s) {
    return out << s.name << '@' << s.start_ns << '+' << s.duration_ns << " depth " << s.depth;
}

// What on_exit saw of a unit's trace, copied during the call.
struct seen_trace {
    bool enabled;
    std::int64_t start_ns, end_ns;
    std::uint64_t thread, dropped;
    std::vector<seen_span> spans;
    std::vector<std::uint64_t> threads;
};

seen_trace copy_of(tmx::unit_trace const& trace) {
    seen_trace seen{trace.enabled(), trace.start_ns(), trace.end_ns(), trace.thread(), trace.dropped(), {}, {}};
    for (tmx::trace_span const& s : trace) {
        seen.spans.push_back({std::string(s.name), s.start_ns, s.duration_ns, s.depth});
        seen.threads.push_back(s.thread);
    }
    return seen;
}

struct trace_fixture : reporting_fixture<traced_schema> {
    std::vector<seen_trace> traces;
    std::vector<std::string> chrome;  // chrome_trace_events of each unit, when it traces

    tmx::context_options traced(std::size_t capacity) {
        tmx::context_options o = options();
        o.span_capacity = capacity;
        return o;
    }
    void keep_trace(tmx::exit_info<traced_schema> const& e) {
        keep(e);
        traces.push_back(copy_of(e.trace));
        if (e.trace.enabled()) chrome.push_back(tmx::chrome_trace_events(e, {.unit_name = "compile", .pid = 7}));
    }

    tmx::metrics_context<traced_schema> context{[this](auto const& e) { keep_trace(e); }, traced(8)};

    trace_fixture() { fake_steady_now = 1'000'000; }
    static void advance(std::chrono::nanoseconds elapsed) { fake_steady_now += elapsed.count(); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(trace, trace_fixture)

BOOST_AUTO_TEST_CASE(each_timer_records_its_span_into_the_unit_of_work) {
    {
        auto const scope = context.enter();  // the unit's span starts at 1,000,000
        advance(1us);
        auto const whole = context.timed<"compile">();  // 1,001,000
        {
            auto const phase = context.enter();
            advance(2us);
            auto const parse = context.timed<"parse">();  // 1,003,000
            advance(3'500ns);
        }  // parse: 3,500 ns at depth 2
        advance(500ns);
    }  // compile ends at 1,007,000 (6,000 ns), then the unit
    BOOST_TEST_REQUIRE(traces.size() == 1u);
    seen_trace const& t = traces[0];
    BOOST_TEST(t.enabled);
    BOOST_TEST(t.start_ns == 1'000'000);
    BOOST_TEST(t.end_ns == 1'007'000);
    BOOST_TEST(t.dropped == 0u);
    std::vector<seen_span> const expected{{"parse", 1'003'000, 3'500, 2}, {"compile", 1'001'000, 6'000, 1}};
    BOOST_TEST(t.spans == expected, boost::test_tools::per_element());
    BOOST_TEST(t.thread == tmx::thread_number());
    BOOST_TEST(t.threads == std::vector<std::uint64_t>(2, tmx::thread_number()), boost::test_tools::per_element());
    // The counters are added to as without tracing.
    BOOST_TEST(exits[0].metrics.get<"parse">()->count() == 3);
    BOOST_TEST(exits[0].metrics.get<"compile">()->count() == 6);
}

BOOST_AUTO_TEST_CASE(a_context_that_does_not_trace_hands_over_an_empty_trace) {
    tmx::metrics_context<traced_schema> plain{[this](auto const& e) { keep_trace(e); }, options()};
    {
        auto const scope = plain.enter();
        auto const timer = plain.timed<"compile">();
        advance(2us);
    }
    BOOST_TEST_REQUIRE(traces.size() == 1u);
    BOOST_TEST(!traces[0].enabled);
    BOOST_TEST(traces[0].spans.empty());
    BOOST_TEST(exits[0].metrics.get<"compile">()->count() == 2);
    tmx::exit_info<traced_schema> const untraced{0, 0, exits[0].metrics, nullptr, false, tmx::error_hook{}};
    BOOST_CHECK_THROW((void)tmx::chrome_trace_events(untraced), tmx::metrics_error);
}

BOOST_AUTO_TEST_CASE(spans_beyond_the_capacity_are_counted_as_dropped_per_unit) {
    tmx::metrics_context<traced_schema> small{[this](auto const& e) { keep_trace(e); }, traced(2)};
    for (int spans : {5, 1}) {
        auto const scope = small.enter();
        for (int i = 0; i < spans; ++i) {
            auto const timer = small.timed<"parse">();
            advance(1us);
        }
    }
    BOOST_TEST_REQUIRE(traces.size() == 2u);
    BOOST_TEST(traces[0].spans.size() == 2u);  // the first two to end
    BOOST_TEST(traces[0].spans[0].start_ns == 1'000'000);
    BOOST_TEST(traces[0].dropped == 3u);
    BOOST_TEST(traces[1].spans.size() == 1u);
    BOOST_TEST(traces[1].dropped == 0u);                        // each unit counts its own
    BOOST_TEST(exits[0].metrics.get<"parse">()->count() == 5);  // the counter has every timer's time
    BOOST_TEST(chrome[0].find(R"("dropped_spans":3}})") != std::string::npos);
    BOOST_TEST(chrome[1].find("dropped_spans") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_span_ended_by_an_exception_is_closed) {
    BOOST_CHECK_THROW(context.run([&] {
        auto const whole = context.timed<"compile">();
        auto const phase = context.enter();
        auto const codegen = context.timed<"codegen">();
        advance(7us);
        throw std::runtime_error("codegen failed");
    }),
                      std::runtime_error);
    BOOST_TEST_REQUIRE(traces.size() == 1u);
    std::vector<seen_span> const expected{{"codegen", 1'000'000, 7'000, 2}, {"compile", 1'000'000, 7'000, 1}};
    BOOST_TEST(traces[0].spans == expected, boost::test_tools::per_element());
    BOOST_TEST(traces[0].end_ns == 1'007'000);
    BOOST_TEST(chrome[0].find(R"(,"exception":"codegen failed","exception_type":"std::runtime_error"}})") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_timer_that_outlives_its_unit_adds_no_span_to_the_next) {
    std::optional<tmx::metrics_context<traced_schema>::timer<"parse">> late;
    {
        auto const scope = context.enter();
        late.emplace(context.timed<"parse">());
    }
    {
        auto const next = context.enter();
        advance(3us);
        late.reset();  // the next unit is open: it must not get the span
        auto const timer = context.timed<"codegen">();
    }
    BOOST_TEST_REQUIRE(traces.size() == 2u);
    BOOST_TEST(traces[0].spans.empty());
    BOOST_TEST_REQUIRE(traces[1].spans.size() == 1u);
    BOOST_TEST(traces[1].spans[0].name == "codegen");
    BOOST_TEST(!exits[1].metrics.contains<"parse">());
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) == "Cannot add a timer's time to parse: its unit of work ended before it");
}

// The spans on_exit reads are those of its unit; a unit on_exit runs on the
// same context records into the next record's spans, as its metrics do.
BOOST_AUTO_TEST_CASE(a_unit_opened_from_on_exit_keeps_its_spans_apart) {
    using context_type = tmx::metrics_context<traced_schema>;
    context_type* self = nullptr;
    std::vector<std::size_t> sizes_before, sizes_after;
    context_type reentrant{[&](tmx::exit_info<traced_schema> const& e) {
                               traces.push_back(copy_of(e.trace));
                               if (traces.size() > 1) return;
                               sizes_before.push_back(e.trace.size());
                               {
                                   auto const nested = self->enter();  // a unit of its own
                                   auto const a = self->timed<"parse">();
                                   auto const b = self->timed<"codegen">();
                                   advance(1us);
                               }
                               sizes_after.push_back(e.trace.size());
                               BOOST_TEST(e.trace.begin()->name == "compile");
                           },
                           traced(4)};
    self = &reentrant;
    {
        auto const scope = reentrant.enter();
        auto const timer = reentrant.timed<"compile">();
        advance(5us);
    }
    BOOST_TEST_REQUIRE(traces.size() == 2u);
    BOOST_TEST(sizes_before == sizes_after, boost::test_tools::per_element());
    BOOST_TEST(traces[0].spans.size() == 1u);
    BOOST_TEST(traces[0].spans[0].name == "compile");
    BOOST_TEST(traces[1].spans.size() == 2u);  // the nested unit's, reported inside the first on_exit
    BOOST_TEST(traces[1].spans[0].name == "codegen");
}

BOOST_AUTO_TEST_CASE(a_timer_ending_while_on_exit_reads_adds_no_span_to_what_it_reads) {
    std::optional<tmx::metrics_context<traced_schema>::timer<"parse">> late;
    std::optional<std::size_t> seen;
    tmx::metrics_context<traced_schema> ending{[&](auto const& e) {
                                                   late.reset();
                                                   seen = e.trace.size();
                                               },
                                               traced(4)};
    {
        auto const scope = ending.enter();
        late.emplace(ending.timed<"parse">());
    }
    BOOST_TEST((seen == std::optional<std::size_t>{0}));
    BOOST_TEST(errors.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_moved_timer_records_one_span) {
    {
        auto const scope = context.enter();
        std::optional<tmx::metrics_context<traced_schema>::timer<"parse">> kept;
        {
            auto first = context.timed<"parse">();
            advance(2us);
            kept.emplace(std::move(first));
        }
        advance(1us);
    }
    BOOST_TEST_REQUIRE(traces.size() == 1u);
    std::vector<seen_span> const expected{{"parse", 1'000'000, 3'000, 1}};
    BOOST_TEST(traces[0].spans == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_clock_that_goes_back_or_spans_more_than_an_int64_gives_bounded_durations) {
    {
        auto const scope = context.enter();
        {
            auto const timer = context.timed<"parse">();
            fake_steady_now -= 5'000;
        }
        fake_steady_now = std::numeric_limits<std::int64_t>::min();
        auto const timer = context.timed<"codegen">();
        fake_steady_now = std::numeric_limits<std::int64_t>::max();
    }
    BOOST_TEST_REQUIRE(traces.size() == 1u);
    BOOST_TEST_REQUIRE(traces[0].spans.size() == 2u);
    BOOST_TEST(traces[0].spans[0].duration_ns == 0);
    BOOST_TEST(traces[0].spans[1].duration_ns == std::numeric_limits<std::int64_t>::max());
    BOOST_TEST(chrome[0].find(R"("name":"codegen","ts":-9223372036854775.808,"dur":9223372036854775.807)") !=
               std::string::npos);
    BOOST_TEST(errors.size() == 1u);  // codegen's time does not fit its counter
}

BOOST_AUTO_TEST_CASE(spans_carry_the_number_of_the_thread_that_ended_them) {
    std::vector<seen_trace> per_thread(2);
    auto const work = [&](seen_trace& into) {
        tmx::metrics_context<traced_schema> own{[&](auto const& e) { into = copy_of(e.trace); }, traced(2)};
        auto const scope = own.enter();
        auto const timer = own.timed<"parse">();
    };
    std::thread first{work, std::ref(per_thread[0])};
    first.join();
    std::thread second{work, std::ref(per_thread[1])};
    second.join();
    for (seen_trace const& t : per_thread) {
        BOOST_TEST_REQUIRE(t.threads.size() == 1u);
        BOOST_TEST(t.threads[0] == t.thread);
        BOOST_TEST(t.thread != tmx::thread_number());
    }
    BOOST_TEST(per_thread[0].thread != per_thread[1].thread);
    BOOST_TEST(tmx::thread_number() == tmx::thread_number());
}

// Exact figures on the injected clock: what Perfetto and chrome://tracing read.
BOOST_AUTO_TEST_CASE(chrome_trace_events_of_a_unit) {
    fake_steady_now = 1'234'567;
    {
        auto const scope = context.enter();
        context.set<"unit">("caf\xc3\xa9 \"\xff\"");  // escaped as the JSON Lines sink escapes it
        auto const whole = context.timed<"compile">();
        {
            auto const phase = context.enter();
            auto const parse = context.timed<"parse">();
            advance(1'500ns);
        }
        advance(1us);
    }
    std::string const tid = std::to_string(tmx::thread_number());
    BOOST_TEST_REQUIRE(chrome.size() == 1u);
    BOOST_TEST(chrome[0] == R"({"ph":"X","name":"compile","ts":1234.567,"dur":2.5,"pid":7,"tid":)" + tid +
                                R"(,"args":{"metrics":)" + tmx::to_json(exits[0].metrics) + "}},\n" +
                                R"({"ph":"X","name":"compile","ts":1234.567,"dur":2.5,"pid":7,"tid":)" + tid +
                                R"(,"args":{"depth":1}},)" + "\n" +
                                R"({"ph":"X","name":"parse","ts":1234.567,"dur":1.5,"pid":7,"tid":)" + tid +
                                R"(,"args":{"depth":2}})");
    // The byte 0xff, not UTF-8, is U+EFFF (docs/how-to-export.md).
    BOOST_TEST(tmx::to_json(exits[0].metrics).find("\"unit\":\"caf\xc3\xa9 \\\"\xee\xbf\xbf\\\"\"") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_writer_streams_units_into_one_document) {
    std::ostringstream out;
    {
        tmx::chrome_trace_writer writer{out, {.unit_name = "unit \"x\"", .pid = 3}};
        tmx::metrics_context<traced_schema> traced_context{std::ref(writer), traced(4)};
        for (int i = 0; i < 2; ++i) {
            auto const scope = traced_context.enter();
            auto const timer = traced_context.timed<"parse">();
            advance(1us);
        }
        writer.close();
        writer.close();  // the second time does nothing
        {
            auto const scope = traced_context.enter();  // after close: reported, not written
        }
    }
    std::string const tid = std::to_string(tmx::thread_number());
    std::string const unit = R"({"ph":"X","name":"unit \"x\"","ts":)";
    BOOST_TEST(out.str() == "{\"traceEvents\":[\n" + unit + R"(1000,"dur":1,"pid":3,"tid":)" + tid +
                                R"(,"args":{"metrics":{"parse":1}}},)" + "\n" +
                                R"({"ph":"X","name":"parse","ts":1000,"dur":1,"pid":3,"tid":)" + tid +
                                R"(,"args":{"depth":1}},)" + "\n" + unit + R"(1001,"dur":1,"pid":3,"tid":)" + tid +
                                R"(,"args":{"metrics":{"parse":1}}},)" + "\n" +
                                R"({"ph":"X","name":"parse","ts":1001,"dur":1,"pid":3,"tid":)" + tid +
                                R"(,"args":{"depth":1}})" + "\n]}\n");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) == "typed_metrics: the chrome_trace_writer is closed");
}

BOOST_AUTO_TEST_CASE(a_writer_given_no_unit_writes_an_empty_document) {
    std::ostringstream out;
    {
        tmx::chrome_trace_writer writer{out};
    }
    BOOST_TEST(out.str() == "{\"traceEvents\":[\n]}\n");
}

// As the JSON Lines sink: a failed write goes to the context's error hook,
// and the destructor's close to the writer's own.
BOOST_AUTO_TEST_CASE(a_writer_that_cannot_write_reports_to_the_error_hooks) {
    std::ofstream full{"/dev/full"};
    BOOST_TEST_REQUIRE(full.is_open());
    std::vector<std::exception_ptr> closing;
    {
        tmx::chrome_trace_writer writer{full, {}, [&](std::exception_ptr e) { closing.push_back(e); }};
        tmx::metrics_context<traced_schema> traced_context{std::ref(writer), traced(1)};
        {
            auto const scope = traced_context.enter();
            auto const timer = traced_context.timed<"parse">();
        }
    }
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_CHECK_THROW(std::rethrow_exception(errors[0]), std::ios_base::failure);
    BOOST_TEST_REQUIRE(closing.size() == 1u);
    BOOST_CHECK_THROW(std::rethrow_exception(closing[0]), std::ios_base::failure);
}

// Nothing reaches a stream that has failed: once it is cleared, the next
// unit starts the document, which stays one valid JSON object.
BOOST_AUTO_TEST_CASE(a_writer_whose_stream_failed_before_any_write_starts_the_document_when_it_recovers) {
    std::ostringstream out;
    out.setstate(std::ios_base::badbit);
    {
        tmx::chrome_trace_writer writer{out, {.pid = 3}};
        tmx::metrics_context<traced_schema> traced_context{std::ref(writer), traced(1)};
        {
            auto const scope = traced_context.enter();  // not written: reported
        }
        out.clear();
        {
            auto const scope = traced_context.enter();
        }
    }
    BOOST_TEST(errors.size() == 1u);
    std::string const tid = std::to_string(tmx::thread_number());
    BOOST_TEST(out.str() == "{\"traceEvents\":[\n" +
                                std::string(R"({"ph":"X","name":"unit of work","ts":1000,"dur":0,"pid":3,"tid":)") +
                                tid + R"(,"args":{"metrics":{}}})" + "\n]}\n");
}

// A stream whose writes record a unit of work into the same writer (a
// logger instrumented with the library): the nested unit must not wait on
// the lock its own thread holds. It is refused and reported, and the outer
// unit is written whole.
BOOST_AUTO_TEST_CASE(a_writer_re_entered_from_its_own_stream_refuses_the_nested_unit) {
    recording_buffer buffer;
    std::ostream out{&buffer};
    {
        tmx::chrome_trace_writer writer{out, {.pid = 3}};
        tmx::metrics_context<traced_schema> outer{std::ref(writer), traced(1)};
        tmx::metrics_context<traced_schema> inner{std::ref(writer), traced(1)};
        buffer.on_write = [&] { auto const scope = inner.enter(); };
        auto const scope = outer.enter();
    }
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(message(errors[0]) ==
               "typed_metrics: the chrome_trace_writer was called from a write to its own stream; that unit is not "
               "written");
    std::string const tid = std::to_string(tmx::thread_number());
    BOOST_TEST(buffer.str() == "{\"traceEvents\":[\n" +
                                   std::string(R"({"ph":"X","name":"unit of work","ts":1000,"dur":0,"pid":3,"tid":)") +
                                   tid + R"(,"args":{"metrics":{}}})" + "\n]}\n");
}

// A clock too coarse to tell them apart gives a timer and the one nested in
// it the same start and duration: the parent, which ended last, comes first.
BOOST_AUTO_TEST_CASE(spans_that_start_and_last_alike_list_the_parent_first) {
    {
        auto const scope = context.enter();
        auto const whole = context.timed<"compile">();
        auto const parse = context.timed<"parse">();
    }
    BOOST_TEST_REQUIRE(chrome.size() == 1u);
    std::size_t const spans_at = chrome[0].find(",\n");  // after the unit's own span, also named compile
    std::size_t const compile_at = chrome[0].find(R"("name":"compile")", spans_at);
    std::size_t const parse_at = chrome[0].find(R"("name":"parse")", spans_at);
    BOOST_TEST_REQUIRE(parse_at != std::string::npos);
    BOOST_TEST(compile_at < parse_at);
}

// Contexts on several threads share one writer: each unit's events are one
// block of lines, never mixed with another's.
BOOST_AUTO_TEST_CASE(threads_sharing_a_writer_write_whole_units) {
    std::ostringstream out;
    constexpr int threads = 4, units = 25, spans = 3;
    {
        tmx::chrome_trace_writer writer{out};
        auto const work = [&] {
            tmx::metrics_context<traced_schema> own{std::ref(writer), {.span_capacity = spans}};
            for (int u = 0; u < units; ++u) {
                auto const scope = own.enter();
                for (int s = 0; s < spans; ++s) {
                    auto const timer = own.timed<"parse">();
                }
            }
        };
        std::vector<std::thread> running;
        for (int t = 0; t < threads; ++t) running.emplace_back(work);
        for (auto& t : running) t.join();
    }
    std::istringstream lines{out.str()};
    std::string line;
    std::getline(lines, line);
    BOOST_TEST(line == "{\"traceEvents\":[");
    int events = 0;
    std::string unit_tid;
    while (std::getline(lines, line) && line != "]}") {
        ++events;
        BOOST_TEST_REQUIRE(line.starts_with(R"({"ph":"X","name":)"));
        std::size_t const at = line.find(R"("tid":)") + 6;
        std::string const tid = line.substr(at, line.find(',', at) - at);
        if (line.find(R"("args":{"metrics")") != std::string::npos) {
            BOOST_TEST((events - 1) % (spans + 1) == 0);  // a unit's span starts each block
            unit_tid = tid;
        } else {
            BOOST_TEST(tid == unit_tid);  // its spans follow it, from its thread
        }
    }
    BOOST_TEST(line == "]}");
    BOOST_TEST(events == threads * units * (spans + 1));
}

BOOST_AUTO_TEST_SUITE_END()
