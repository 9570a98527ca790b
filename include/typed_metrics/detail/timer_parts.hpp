// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/add_overflows.hpp>
#include <typed_metrics/detail/call_on_exit.hpp>
#include <typed_metrics/detail/duration.hpp>
#include <typed_metrics/detail/raise.hpp>
#include <typed_metrics/options.hpp>

#include <cstdint>
#include <exception>
#include <string_view>
#include <type_traits>
#include <utility>

namespace typed_metrics::detail {

// What both contexts' timers share: the disabled timer, and the end of an
// enabled one up to the write, which each context does its own way.

// The timer of a disabled context: empty, and nothing to do when it ends.
// `gnu::unused` keeps `auto const t = ctx.timed<"k">();` free of warnings.
class [[nodiscard("a timer adds its time when it is destroyed: keep it in a variable for the region it times"),
        gnu::unused]] inactive_timer {
public:
    inactive_timer() = default;
    inactive_timer(inactive_timer&&) noexcept = default;
    inactive_timer(inactive_timer const&) = delete;
    inactive_timer& operator=(inactive_timer const&) = delete;
    inactive_timer& operator=(inactive_timer&&) = delete;
};

// The timer of an enabled context: `Start` is what the context needs at the
// end (the counter, its index, the start time), handed back to
// `Context::stop_timer` when the timer is destroyed. Movable, the moved-from
// timer adding nothing; not copyable or assignable.
template <class Context, class Start>
class [[nodiscard(
    "a timer adds its time when it is destroyed: keep it in a variable for the region it times")]] active_timer {
public:
    active_timer(Context& context, Start start) noexcept : context_{&context}, start_{start} {}
    active_timer(active_timer&& other) noexcept
        : context_{std::exchange(other.context_, nullptr)}, start_{other.start_} {}
    active_timer(active_timer const&) = delete;
    active_timer& operator=(active_timer const&) = delete;
    active_timer& operator=(active_timer&&) = delete;

    // Inlined, as a scope's end is: a timer's end is the clock read and the
    // addition, its rare paths out of line (docs/design.md, Tracing).
    [[gnu::always_inline]] ~active_timer() {
        if (context_ != nullptr) context_->stop_timer(start_);
    }

private:
    Context* context_;
    Start start_;
};

// Reports to the error hook why a timer of `counter` wrote nothing: a timer
// ends in a destructor, which must not throw.
[[gnu::cold, gnu::noinline]] inline void report_timer_dropped(error_hook const& on_error, std::string_view counter,
                                                              char const* reason) noexcept {
    try {
        raise_timer_dropped(counter, reason);
    } catch (...) {
        report_error(on_error, std::current_exception());
    }
}

// The time from `start_ns` to `end_ns` on the monotonic clock, as a
// `Duration` (a clock that went back counts 0); false, reported, when it
// does not fit the counter's type.
template <class Duration>
bool elapsed_since(std::int64_t start_ns, std::int64_t end_ns, error_hook const& on_error, std::string_view counter,
                   Duration& elapsed) noexcept {
    std::int64_t span_ns = 0;
    // An injected clock may span more than an int64_t of nanoseconds.
    bool const spans = end_ns <= start_ns || !__builtin_sub_overflow(end_ns, start_ns, &span_ns);
    if (spans && duration_from_ns(span_ns, elapsed)) [[likely]]
        return true;
    report_timer_dropped(on_error, counter, "its time does not fit the counter's type");
    return false;
}

// Adds a timer's `elapsed` time to its `counter`: as an increment would,
// except that an integer sum that would leave the counter's type is reported
// as the timer's (a timer ends in a destructor), the counter unchanged.
template <class Duration>
[[gnu::always_inline]] inline void add_elapsed(Duration& counter, Duration elapsed, error_hook const& on_error,
                                               std::string_view name) noexcept {
    typename Duration::rep count = counter.count();
    if constexpr (std::is_floating_point_v<typename Duration::rep>) {
        count += elapsed.count();
    } else if (add_overflows(count, elapsed.count())) [[unlikely]] {
        report_timer_dropped(on_error, name, "the sum would overflow the counter's type");
        return;
    }
    counter = Duration{count};
}

}  // namespace typed_metrics::detail
