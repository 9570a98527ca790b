// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/call_on_exit.hpp>
#include <typed_metrics/options.hpp>
#include <typed_metrics/record.hpp>
#include <typed_metrics/span.hpp>

#include <cstdint>
#include <exception>
#include <utility>

namespace typed_metrics {

/// What `on_exit` receives when the outermost scope ends.
template <class Schema>
struct exit_info {
    /// Nanoseconds since the Unix epoch when the outermost scope was entered.
    std::int64_t start_ns;
    /// Nanoseconds since the Unix epoch when it ended.
    std::int64_t end_ns;
    /// Everything recorded at any depth. Valid during the call: copy it to keep it.
    record<Schema> const& metrics;
    /// The exception that ended the scope, when the library could capture it
    /// (the body was run by `metrics_context::run`) or the scope was given it
    /// (`scope.fail(e)`); null otherwise. `tmx::failure_type(exception)` and
    /// `tmx::failure_reason(exception)` (typed_metrics/failure.hpp) say what it was.
    std::exception_ptr exception;
    /// True when the outermost scope was left by an exception, captured or not.
    bool unwinding;
    /// The context's error hook (`context_options::on_error`), for what a
    /// callback catches and must not let end the others (`fan_out`).
    error_hook const& on_error;
    /// The unit of work's spans, when the context traces
    /// (`context_options::span_capacity`); valid during the call.
    unit_trace const& trace = detail::untraced;

    /// Hands `error` to the context's error hook, as the context does with
    /// what `on_exit` throws; what the hook throws is ignored.
    void report_error(std::exception_ptr error) const noexcept { detail::report_error(on_error, std::move(error)); }
};

}  // namespace typed_metrics
