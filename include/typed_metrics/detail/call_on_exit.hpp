// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/options.hpp>

#include <exception>

namespace typed_metrics::detail {

// How both contexts report a record: `on_exit(info)` if it is set, with what
// it throws handed to `on_error` and what the hook itself throws swallowed,
// as PyTorch's MetricsContext logs the exception and carries on. Never
// throws: records are reported from destructors.
template <class OnExit, class Info>
void call_on_exit(OnExit const& on_exit, Info const& info, error_hook const& on_error) noexcept {
    if (!on_exit) return;
    try {
        on_exit(info);
    } catch (...) {
        try {
            if (on_error) on_error(std::current_exception());
        } catch (...) {
            // The hook itself failed: there is nowhere left to report to.
        }
    }
}

}  // namespace typed_metrics::detail
