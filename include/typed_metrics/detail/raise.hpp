// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/call_site.hpp>
#include <typed_metrics/error.hpp>

#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace typed_metrics::detail {

// The error paths: out of line and marked cold, so that the inlined fast
// path of every operation is a branch and nothing else.

inline std::string describe(call_site where) {
    std::string text = where.file;
    if (where.line != 0) text += ':' + std::to_string(where.line);
    return text;
}

[[noreturn, gnu::cold, gnu::noinline]] inline void raise_outside_scope(std::string_view operation,
                                                                       std::span<std::string_view const> names) {
    std::string message = "Cannot " + std::string(operation) + ' ';
    char const* separator = "";
    for (std::string_view name : names) message.append(std::exchange(separator, ", ")).append(name);
    throw metrics_error(message + " outside of a MetricsContext");
}

struct set_before {
    std::string_view name;
    call_site first_set;
};

// `metrics` lists the metrics found recorded, one or more.
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_already_set(std::span<set_before const> metrics) {
    std::string names;
    std::string sites;
    for (set_before const& metric : metrics) {
        if (!names.empty()) {
            names += ", ";
            sites += ", ";
        }
        names += '\'' + std::string(metric.name) + '\'';
        sites += describe(metric.first_set);
    }
    throw metrics_error((metrics.size() == 1 ? "Metric " + names + " has" : "Metric(s) " + names + " have") +
                        " already been set in the current context (first set at " + sites + ')');
}

}  // namespace typed_metrics::detail
