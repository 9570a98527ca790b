// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/failure.hpp>
#include <typed_metrics/record.hpp>

#include <cstdint>
#include <exception>
#include <string>

namespace typed_metrics {

/// What an `exit_info` says, owned: a copy of the record, which outlives the
/// `on_exit` call it came from (`history` hands these out).
template <class Schema>
struct exit_copy {
    std::int64_t start_ns;
    std::int64_t end_ns;
    record<Schema> metrics;
    std::exception_ptr exception;
    bool unwinding;

    explicit exit_copy(exit_info<Schema> const& exit)
        : start_ns{exit.start_ns},
          end_ns{exit.end_ns},
          metrics{exit.metrics},
          exception{exit.exception},
          unwinding{exit.unwinding} {}

    /// As `exit_info::fail_type()`: the exception's type, empty without one.
    std::string fail_type() const { return failure_type(exception); }
    /// As `exit_info::fail_reason()`: what the exception says, empty without one.
    std::string fail_reason() const { return failure_reason(exception); }
};

}  // namespace typed_metrics
