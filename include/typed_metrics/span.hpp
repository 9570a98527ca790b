// SPDX-License-Identifier: BSL-1.0
// The spans a traced context records for a unit of work: what `on_exit`
// receives as `exit_info::trace` (context_options::span_capacity).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace typed_metrics {

namespace detail {
class span_buffer;
}

/// One timed region of a unit of work: a timer of a traced context, from
/// its start to its end, on the context's monotonic clock.
struct trace_span {
    std::string_view name;     ///< the duration counter the timer adds to
    std::int64_t start_ns;     ///< when the timer started (monotonic clock)
    std::int64_t duration_ns;  ///< from start to end, never negative (a clock that went back gives 0)
    int depth;                 ///< the scope depth where the timer ended: 1 is the outermost scope
    std::uint64_t thread;      ///< the thread that ended it (`tmx::thread_number()`)
};

/// The spans of one unit of work, in the order the timers ended (a child
/// before its parent), and the unit's own span. Empty, with `enabled()`
/// false, when the context does not trace. A view of the context's buffer:
/// valid during the `on_exit` call, like `exit_info::metrics`.
class unit_trace {
public:
    constexpr unit_trace() = default;
    unit_trace(unit_trace const&) = delete;  // a view of the context's own: refer to it
    unit_trace& operator=(unit_trace const&) = delete;

    /// Whether the context traces (its span capacity is not 0).
    bool enabled() const noexcept { return capacity_ > 0; }
    trace_span const* begin() const noexcept { return spans_; }
    trace_span const* end() const noexcept { return spans_ + size_; }
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    /// The most spans a unit keeps (`context_options::span_capacity`).
    std::size_t capacity() const noexcept { return capacity_; }
    /// The spans that ended once `capacity()` were kept: counted, not kept.
    std::uint64_t dropped() const noexcept { return dropped_; }
    /// The unit of work's own span: from its outermost `enter()` to its
    /// exit, on the monotonic clock, on the thread that entered it.
    std::int64_t start_ns() const noexcept { return start_ns_; }
    std::int64_t end_ns() const noexcept { return end_ns_; }
    std::uint64_t thread() const noexcept { return thread_; }

private:
    friend class detail::span_buffer;  // which writes it

    trace_span* spans_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
    std::uint64_t dropped_ = 0;
    std::int64_t start_ns_ = 0;
    std::int64_t end_ns_ = 0;
    std::uint64_t thread_ = 0;
};

namespace detail {
// What `exit_info::trace` refers to where a context does not trace.
inline constexpr unit_trace untraced{};
}  // namespace detail

/// The number of the calling thread: 1 for the first thread that asks, 2 for
/// the next, and so on, the same for the thread's whole life. Spans carry
/// it; an OS thread id would need <unistd.h> in every recording file
/// (docs/design.md, Compile-time rules).
inline std::uint64_t thread_number() noexcept {
    static constinit std::uint64_t last = 0;
    static constinit thread_local std::uint64_t number = 0;  // constant-initialised: no guard to test
    if (number == 0) [[unlikely]]
        number = __atomic_add_fetch(&last, 1, __ATOMIC_RELAXED);
    return number;
}

}  // namespace typed_metrics
