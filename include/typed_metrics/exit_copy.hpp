// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/record.hpp>

#include <cstdint>
#include <exception>

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
};

}  // namespace typed_metrics
