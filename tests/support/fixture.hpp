// SPDX-License-Identifier: BSL-1.0
// Shared by the runtime test suites: a fake clock and a context whose
// on_exit keeps a copy of every report.
#pragma once

#include <typed_metrics/typed_metrics.hpp>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace tmx = typed_metrics;

// Each reading is 1000 ns after the previous one.
inline std::int64_t fake_now = 0;
inline std::int64_t fake_clock() noexcept {
    return fake_now += 1000;
}

// A monotonic clock for timers, which moves only when a test moves it.
inline std::int64_t fake_steady_now = 0;
inline std::int64_t fake_steady_clock() noexcept {
    return fake_steady_now;
}

template <class Schema>
struct exit_report {
    std::int64_t start_ns;
    std::int64_t end_ns;
    tmx::record<Schema> metrics;
    std::exception_ptr exception;
    bool unwinding;
};

template <class Schema>
struct reporting_fixture {
    std::vector<exit_report<Schema>> exits;
    std::vector<std::exception_ptr> errors;  // what on_exit threw, as reported

    tmx::context_options options() {
        return {.clock = &fake_clock,
                .on_error = [this](std::exception_ptr e) { errors.push_back(e); },
                .monotonic_clock = &fake_steady_clock};
    }
    void keep(tmx::exit_info<Schema> const& e) {
        exits.push_back({e.start_ns, e.end_ns, e.metrics, e.exception, e.unwinding});
    }
    // The message of a reported error.
    static std::string message(std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (std::exception const& e) {
            return e.what();
        } catch (...) {
            return "<not a std::exception>";
        }
    }
};
