// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <stdexcept>

namespace typed_metrics {

/// A run-time misuse: recording outside a scope, setting a value twice, an
/// increment that would overflow its counter, a NaN in an ordered metric, a
/// `history` of capacity 0.
/// The messages follow PyTorch's MetricsContext ("Cannot set m outside of a
/// MetricsContext", "Metric 'm' has already been set in the current context";
/// docs/semantics.md).
class metrics_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace typed_metrics
