// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/call_site.hpp>
#include <typed_metrics/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace typed_metrics::detail {

// The error paths: out of line and marked cold, so that the inlined fast
// path of every operation is a branch and nothing else. Every file that
// records compiles them, so they are built from std::string's members alone
// (compiled once in the standard library, an extern template), without
// operator+ chains, std::to_string or a std::vector of the names
// (see docs/design.md, Compile-time rules).

// Appends the decimal digits of an integer of any width and signedness.
template <class T>
void append_integer(std::string& out, T value) {
    using magnitude_type = std::make_unsigned_t<T>;
    auto magnitude = static_cast<magnitude_type>(value);
    if constexpr (std::is_signed_v<T>) {
        if (value < 0) {
            out.push_back('-');
            // Negated as unsigned: the most negative value's magnitude fits, no overflow.
            magnitude = static_cast<magnitude_type>(magnitude_type{0} - magnitude);
        }
    }
    char digits[sizeof(T) * 3];  // fewer than 3 decimal digits per byte
    std::size_t size = 0;
    do {
        digits[size++] = static_cast<char>('0' + magnitude % 10);
        magnitude = static_cast<magnitude_type>(magnitude / 10);
    } while (magnitude != 0);
    while (size > 0) out.push_back(digits[--size]);
}

// Takes back an increment that overflowed: `count` holds the sum wrapped
// to its type, as `__builtin_add_overflow` left it; subtracting `step` in
// the unsigned type (modulo arithmetic, defined) restores the count. Then
// throws "Cannot increment <counter> by <step>: the counter (<count>) would
// overflow its type".
template <class T>
[[noreturn, gnu::cold, gnu::noinline]] void undo_overflow(T& count, T step, std::string_view counter) {
    using bits = std::make_unsigned_t<T>;
    count = static_cast<T>(static_cast<bits>(static_cast<bits>(count) - static_cast<bits>(step)));
    std::string message("Cannot increment ");
    message.append(counter).append(" by ");
    append_integer(message, step);
    message.append(": the counter (");
    append_integer(message, count);
    message.append(") would overflow its type");
    throw metrics_error(message);
}

// "Cannot increment <counter>: the duration does not fit the counter's
// type" (in the counter's unit), the counter unchanged.
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_duration_too_large(std::string_view counter) {
    std::string message("Cannot increment ");
    message.append(counter).append(": the duration does not fit the counter's type in its unit");
    throw metrics_error(message);
}

// "Cannot add a timer's time to <counter>: <reason>": what a timer that
// could not write reports to the error hook, from its destructor.
[[noreturn, gnu::cold, gnu::noinline]] inline void raise_timer_dropped(std::string_view counter, char const* reason) {
    std::string message("Cannot add a timer's time to ");
    message.append(counter).append(": ").append(reason);
    throw metrics_error(message);
}

// Metric names as a message lists them: "a, b, c".
class name_list {
public:
    void add(std::string_view name) { (text_.empty() ? text_ : text_.append(", ")).append(name); }
    std::string const& text() const noexcept { return text_; }

private:
    std::string text_;
};

// "Cannot <operation> <names> outside of a MetricsContext".
class outside_scope_message {
public:
    void add(std::string_view name) { names_.add(name); }

    [[noreturn, gnu::cold, gnu::noinline]] void raise(std::string_view operation) const {
        std::string message("Cannot ");
        message.append(operation);
        if (!names_.text().empty()) message.append(" ").append(names_.text());  // an empty update names none
        message.append(" outside of a MetricsContext");
        throw metrics_error(message);
    }

private:
    name_list names_;
};

// "Metric 'a' has already been set in the current context (first set at
// file:line)"; after an overwrite "(last set at file:line, first set at
// file:line)"; for several "Metric(s) 'a', 'b' have ... (first set at
// file:line; first set at an update(...) call)".
class already_set_message {
public:
    // `last_set`: where the current value was written, when an overwrite
    // wrote it; null otherwise.
    void add(std::string_view name, call_site first_set, call_site const* last_set) {
        if (count_++ > 0) {
            names_.append(", ");
            sites_.append("; ");
        }
        names_.append("'").append(name).append("'");
        if (last_set) {
            sites_.append("last set at ");
            append_site(*last_set);
            sites_.append(", ");
        }
        sites_.append("first set at ");
        append_site(first_set);
    }

    [[noreturn, gnu::cold, gnu::noinline]] void raise() const {
        std::string message(count_ == 1 ? "Metric " : "Metric(s) ");
        message.append(names_)
            .append(count_ == 1 ? " has" : " have")
            .append(" already been set in the current context (")
            .append(sites_)
            .append(")");
        throw metrics_error(message);
    }

private:
    // "file:line"; a site without a line (an update's) is its description alone.
    void append_site(call_site where) {
        sites_.append(where.file);
        if (where.line == 0) return;
        sites_.push_back(':');
        append_integer(sites_, where.line);
    }

    std::string names_;
    std::string sites_;
    std::size_t count_ = 0;
};

}  // namespace typed_metrics::detail
