// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/describe_exception.hpp>

#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <iostream>

namespace typed_metrics {

/// A clock reading nanoseconds since the Unix epoch (like Python's
/// `time.time_ns()`). A plain function pointer, so reading it costs one call.
using clock_fn = std::int64_t (*)() noexcept;

/// The default clock: `std::chrono::system_clock`.
inline std::int64_t system_clock_ns() noexcept {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// Receives what `on_exit` threw: a destructor ends the outermost scope and
/// must not throw, so the exception is reported here instead.
using error_hook = std::function<void(std::exception_ptr)>;

/// The default hook: one line on stderr.
inline void report_to_stderr(std::exception_ptr error) noexcept {
    try {
        std::cerr << "typed_metrics: on_exit threw: " << detail::describe_exception(error) << '\n';
    } catch (...) {
        // stderr failed or the message could not be copied: nothing left to report to.
    }
}

/// What a context can be given besides its `on_exit` callback.
struct context_options {
    clock_fn clock = &system_clock_ns;
    error_hook on_error = &report_to_stderr;
};

}  // namespace typed_metrics
