// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/record.hpp>

#include <cstdint>
#include <exception>

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
    /// (the body was run by `metrics_context::run`); null otherwise.
    std::exception_ptr exception;
    /// True when the outermost scope was left by an exception, captured or not.
    bool unwinding;
};

}  // namespace typed_metrics
