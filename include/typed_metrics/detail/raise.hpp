// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/call_site.hpp>
#include <typed_metrics/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace typed_metrics::detail {

// The error paths: out of line and marked cold, so that the inlined fast
// path of every operation is a branch and nothing else. Every file that
// records compiles them, so they are built from std::string's members alone
// (compiled once in the standard library, an extern template): operator+
// chains, std::to_string and a std::vector of the names cost each such file
// 0.3 s and 17 MB of g++'s time and memory.

// "Cannot <operation> <names> outside of a MetricsContext".
class outside_scope_message {
public:
    void add(std::string_view name) { (names_.empty() ? names_ : names_.append(", ")).append(name); }

    [[noreturn, gnu::cold, gnu::noinline]] void raise(std::string_view operation) const {
        std::string message("Cannot ");
        message.append(operation);
        if (!names_.empty()) message.append(" ").append(names_);  // an empty update names none
        message.append(" outside of a MetricsContext");
        throw metrics_error(message);
    }

private:
    std::string names_;
};

// "Metric 'a' has already been set in the current context (first set at
// file:line)", or for several "Metric(s) 'a', 'b' have ... (first set at
// file:line, an update(...) call)".
class already_set_message {
public:
    void add(std::string_view name, call_site first_set) {
        if (count_++ > 0) {
            names_.append(", ");
            sites_.append(", ");
        }
        names_.append("'").append(name).append("'");
        append_site(first_set);
    }

    [[noreturn, gnu::cold, gnu::noinline]] void raise() const {
        std::string message(count_ == 1 ? "Metric " : "Metric(s) ");
        message.append(names_)
            .append(count_ == 1 ? " has" : " have")
            .append(" already been set in the current context (first set at ")
            .append(sites_)
            .append(")");
        throw metrics_error(message);
    }

private:
    // "file:line"; a site without a line (an update's) is its description alone.
    void append_site(call_site where) {
        sites_.append(where.file);
        if (where.line == 0) return;
        char digits[10];
        std::size_t size = 0;
        for (auto line = where.line; line != 0; line /= 10) digits[size++] = static_cast<char>('0' + line % 10);
        sites_.push_back(':');
        while (size > 0) sites_.push_back(digits[--size]);
    }

    std::string names_;
    std::string sites_;
    std::size_t count_ = 0;
};

}  // namespace typed_metrics::detail
