// SPDX-License-Identifier: BSL-1.0
// A traced context's spans as a Chrome Trace Event file, which Perfetto
// (ui.perfetto.dev) and chrome://tracing open as a timeline.
#pragma once

#include <typed_metrics/detail/call_on_exit.hpp>
#include <typed_metrics/error.hpp>
#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/failure.hpp>
#include <typed_metrics/json.hpp>
#include <typed_metrics/json_options.hpp>
#include <typed_metrics/options.hpp>
#include <typed_metrics/span.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <ios>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <utility>
#include <vector>
#if __has_include(<unistd.h>)
#include <unistd.h>
#endif

namespace typed_metrics {

namespace detail {

inline std::int64_t current_process_id() noexcept {
#if __has_include(<unistd.h>)
    return static_cast<std::int64_t>(::getpid());
#else
    return 1;
#endif
}

// `ns` in microseconds, the unit of the format's "ts" and "dur", exactly:
// the whole microseconds, then the decimals of them, without trailing zeros.
inline void append_microseconds(std::string& out, std::int64_t ns) {
    std::uint64_t const magnitude = ns < 0 ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
    if (ns < 0) out += '-';
    append_number(out, magnitude / 1000);
    if (unsigned const fraction = static_cast<unsigned>(magnitude % 1000); fraction != 0) {
        char const digits[] = {'.', static_cast<char>('0' + fraction / 100),
                               static_cast<char>('0' + fraction / 10 % 10), static_cast<char>('0' + fraction % 10)};
        std::size_t length = 4;
        while (digits[length - 1] == '0') --length;
        out.append(digits, length);
    }
}

// The start of one complete event ("ph":"X"), up to its "args" value.
inline void append_complete_event(std::string& out, std::string_view name, std::int64_t start_ns,
                                  std::int64_t duration_ns, std::int64_t pid, std::uint64_t thread) {
    out += R"({"ph":"X","name":)";
    append_quoted(out, name, /*valid_utf8_only=*/true);
    out += R"(,"ts":)";
    append_microseconds(out, start_ns);
    out += R"(,"dur":)";
    append_microseconds(out, duration_ns);
    out += R"(,"pid":)";
    append_number(out, pid);
    out += R"(,"tid":)";
    append_number(out, thread);
    out += R"(,"args":)";
}

}  // namespace detail

/// How a unit of work appears in a Chrome trace.
struct chrome_trace_options {
    /// The name of each unit of work's own span, the outermost one.
    std::string unit_name = "unit of work";
    /// The trace's "pid": by default this process's id.
    std::int64_t pid = detail::current_process_id();
    /// How the record's metrics are written in the unit's "args".
    json_options json{};
};

/// The events of one unit of work, for the "traceEvents" array of a Chrome
/// Trace Event file: comma-separated complete events (`"ph":"X"`), without
/// the brackets, timestamps and durations in microseconds of the context's
/// monotonic clock. First the unit's own span, named
/// `options.unit_name`, whose "args" are `{"metrics":{...}}` as `to_json`
/// writes the record, with "exception" and "exception_type" when the unit
/// failed (as `json_lines_sink` writes them) and "dropped_spans" when spans
/// were dropped; then each timer's span, named by its counter, with
/// `{"depth":d}`, a parent before its children. Throws `metrics_error` when
/// the context does not trace (`context_options::span_capacity` is 0).
template <class Schema>
std::string chrome_trace_events(exit_info<Schema> const& info, chrome_trace_options const& options = {}) {
    unit_trace const& trace = info.trace;
    if (!trace.enabled()) {
        throw metrics_error(
            "typed_metrics: a Chrome trace needs a context that traces: set "
            "context_options::span_capacity");
    }
    std::int64_t unit_ns = 0;
    if (trace.end_ns() > trace.start_ns() && __builtin_sub_overflow(trace.end_ns(), trace.start_ns(), &unit_ns))
        unit_ns = INT64_MAX;
    std::string out;
    detail::append_complete_event(out, options.unit_name, trace.start_ns(), unit_ns, options.pid, trace.thread());
    out += R"({"metrics":)";
    detail::append_json(out, info.metrics, options.json);
    if (info.exception) {
        out += R"(,"exception":)";
        detail::append_quoted(out, failure_reason(info.exception), /*valid_utf8_only=*/true);
        out += R"(,"exception_type":)";
        detail::append_quoted(out, failure_type(info.exception), /*valid_utf8_only=*/true);
    }
    if (trace.dropped() > 0) {
        out += R"(,"dropped_spans":)";
        detail::append_number(out, trace.dropped());
    }
    out += "}}";
    // Spans are kept in the order they ended, children first: viewers read
    // a parent first, so by start time, the longer first where two start
    // together, and the one that ended later where they last alike too (a
    // clock too coarse to tell a timer from the one nested in it).
    std::vector<trace_span const*> order;
    order.reserve(trace.size());
    for (trace_span const& span : trace) order.push_back(&span);
    std::sort(order.begin(), order.end(), [](trace_span const* a, trace_span const* b) {
        if (a->start_ns != b->start_ns) return a->start_ns < b->start_ns;
        return a->duration_ns != b->duration_ns ? a->duration_ns > b->duration_ns : a > b;
    });
    for (trace_span const* span : order) {
        out += ",\n";
        detail::append_complete_event(out, span->name, span->start_ns, span->duration_ns, options.pid, span->thread);
        out += R"({"depth":)";
        detail::append_number(out, span->depth);
        out += "}}";
    }
    return out;
}

/// An `on_exit` callback writing every unit of work it receives into one
/// Chrome Trace Event file, `{"traceEvents":[...]}`: the units' events
/// (`chrome_trace_events`) are streamed into the array as the units end,
/// each unit written whole and flushed under the writer's lock, so contexts
/// on any number of threads may share one writer. `close()`, or the
/// destructor, ends the array. It holds a lock and is not copyable: give it
/// to contexts through `std::ref`, and keep it alive until they are done.
/// A failed write throws `std::ios_base::failure`, which the context hands
/// to its error hook, as `json_lines_sink` does.
class chrome_trace_writer {
public:
    /// Writes to `out`, which must outlive the writer; `on_error` receives
    /// what the destructor's `close()` could not write.
    explicit chrome_trace_writer(std::ostream& out, chrome_trace_options options = {},
                                 error_hook on_error = &report_to_stderr)
        : out_{&out}, options_{std::move(options)}, on_error_{std::move(on_error)} {}

    chrome_trace_writer(chrome_trace_writer const&) = delete;
    chrome_trace_writer& operator=(chrome_trace_writer const&) = delete;

    ~chrome_trace_writer() {
        try {
            close();
        } catch (...) {
            detail::report_error(on_error_, std::current_exception());
        }
    }

    /// Writes the unit's events. Throws `metrics_error` once closed, or
    /// when the context does not trace; `std::ios_base::failure` when the
    /// stream fails.
    template <class Schema>
    void operator()(exit_info<Schema> const& info) {
        std::string const events = chrome_trace_events(info, options_);  // built before the lock
        refuse_reentry();
        std::lock_guard const hold{mutex_};
        if (closed_) throw metrics_error("typed_metrics: the chrome_trace_writer is closed");
        write(started_ ? ",\n" : "{\"traceEvents\":[\n", events);
    }

    /// Ends the file (`{"traceEvents":[]}` if no unit was written); later
    /// units throw. Does nothing the second time; throws
    /// `std::ios_base::failure` when the stream fails.
    void close() {
        refuse_reentry();
        std::lock_guard const hold{mutex_};
        if (std::exchange(closed_, true)) return;
        write(started_ ? "" : "{\"traceEvents\":[", "\n]}\n");
    }

private:
    // A unit of work that ends inside a write to the stream (a stream
    // buffer instrumented with this library) would wait forever on the lock
    // its own thread holds: it is refused instead. Only the thread that
    // holds the lock stores its id, so only that thread can read its own.
    void refuse_reentry() const {
        if (writing_thread_.load(std::memory_order_relaxed) == std::this_thread::get_id()) [[unlikely]] {
            throw metrics_error(
                "typed_metrics: the chrome_trace_writer was called from a write to its own stream; that unit is not "
                "written");
        }
    }

    void write(std::string_view first, std::string_view second) {
        writing_thread_.store(std::this_thread::get_id(), std::memory_order_relaxed);
        struct end_of_write {
            std::atomic<std::thread::id>& writing_thread;
            ~end_of_write() { writing_thread.store(std::thread::id{}, std::memory_order_relaxed); }
        } const ending{writing_thread_};
        if (*out_) {
            started_ = true;  // a stream that failed before got nothing: the next write starts the document
            out_->write(first.data(), static_cast<std::streamsize>(first.size()));
            out_->write(second.data(), static_cast<std::streamsize>(second.size()));
            out_->flush();
        }
        if (!*out_) {
            out_->setstate(std::ios_base::badbit);
            throw std::ios_base::failure("typed_metrics: chrome_trace_writer could not write to its stream");
        }
    }

    std::ostream* out_;
    chrome_trace_options options_;
    error_hook on_error_;
    std::mutex mutex_;
    std::atomic<std::thread::id> writing_thread_{};  // while a thread writes to the stream, under the lock
    bool started_ = false;
    bool closed_ = false;
};

}  // namespace typed_metrics
