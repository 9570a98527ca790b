// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/describe_exception.hpp>

#include <typed_metrics/detail/function.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <exception>
#if !defined(CLOCK_MONOTONIC)
#include <chrono>
#endif

namespace typed_metrics {

/// A clock reading nanoseconds since the Unix epoch (like Python's
/// `time.time_ns()`). A plain function pointer, so reading it costs one call.
using clock_fn = std::int64_t (*)() noexcept;

/// The default clock: the system's real-time clock (`std::timespec_get`,
/// UTC, as `std::chrono::system_clock` reads it; <chrono> would cost every
/// file that records: see docs/design.md, Compile-time rules).
inline std::int64_t system_clock_ns() noexcept {
    std::timespec now{};
    std::timespec_get(&now, TIME_UTC);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

/// A monotonic clock, for timers: nanoseconds since an arbitrary fixed
/// point, never going back. Distinct from the record's `clock`, which reads
/// the time of day and may jump.
using monotonic_clock_fn = std::int64_t (*)() noexcept;

/// The default monotonic clock: POSIX's `CLOCK_MONOTONIC`, which
/// `std::chrono::steady_clock` reads on Linux (libstdc++ and libc++); where
/// there is none, `steady_clock` itself (<chrono> costs every recording file:
/// see docs/design.md, Compile-time rules).
inline std::int64_t steady_clock_ns() noexcept {
#if defined(CLOCK_MONOTONIC)
    std::timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
#else
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
#endif
}

/// Receives what could not be thrown from a destructor: what `on_exit` threw
/// (the outermost scope's destructor calls it), what each sink of a
/// `fan_out` threw (`exit_info::report_error`), and why a timer added
/// nothing.
using error_hook = std::function<void(std::exception_ptr)>;

/// The default hook: one line on stderr.
inline void report_to_stderr(std::exception_ptr error) noexcept {
    try {
        std::fprintf(stderr, "typed_metrics: not thrown from a destructor: %s\n",
                     detail::describe_exception(error).c_str());
    } catch (...) {
        // The message could not be copied: nothing left to report with.
    }
}

/// What a context can be given besides its `on_exit` callback.
struct context_options {
    clock_fn clock = &system_clock_ns;  ///< the record's `start_ns` and `end_ns`
    /// Also receives what a timer could not add when it ended (its unit of
    /// work was over, or its counter would overflow).
    error_hook on_error = &report_to_stderr;
    monotonic_clock_fn monotonic_clock = &steady_clock_ns;  ///< timers' elapsed time
    /// Tracing, for `metrics_context` (a `runtime_metrics_context` has no
    /// unit of work and ignores it): when not 0, each unit of work keeps the
    /// spans of up to this many timers, and counts the others as dropped;
    /// `on_exit` receives them as `exit_info::trace`. The room is allocated
    /// when the context is built, 48 bytes a span for each record it keeps (two, and one more
    /// for each depth of units that end inside an `on_exit`).
    std::size_t span_capacity = 0;
};

}  // namespace typed_metrics
