// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/options.hpp>

#include <exception>
#include <utility>

namespace typed_metrics::detail {

// Hands `error` to `on_error` if it is set; what the hook itself throws is
// swallowed: there is nowhere left to report to.
inline void report_error(error_hook const& on_error, std::exception_ptr error) noexcept {
    try {
        if (on_error) on_error(std::move(error));
    } catch (...) {
        // The hook failed too.
    }
}

// How both contexts report a record: `on_exit(info)` if it is set, with what
// it throws handed to `on_error`, as PyTorch's MetricsContext logs the
// exception and carries on. Never throws: records are reported from
// destructors.
template <class OnExit, class Info>
void call_on_exit(OnExit const& on_exit, Info const& info, error_hook const& on_error) noexcept {
    if (!on_exit) return;
    try {
        on_exit(info);
    } catch (...) {
        report_error(on_error, std::current_exception());
    }
}

}  // namespace typed_metrics::detail
