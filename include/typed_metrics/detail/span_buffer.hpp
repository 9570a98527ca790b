// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/span.hpp>

#include <cstddef>
#include <cstdint>
#include <new>
#include <string_view>
#include <utility>

namespace typed_metrics::detail {

// The spans of the unit of work written into one record of a context's pool
// (detail/record_pool.hpp): they follow the record, so the spans on_exit
// reads are never those of a unit it opens. Its capacity is allocated once,
// when the record is built; a span then writes into it without allocating,
// and a span beyond it is counted as dropped. Not a template: one copy of
// this code for every schema.
class span_buffer {
public:
    span_buffer() = default;
    span_buffer(span_buffer const&) = delete;
    span_buffer& operator=(span_buffer const&) = delete;
    ~span_buffer() { delete[] trace_.spans_; }

    // Allocates room for `capacity` spans (none: no tracing); throws what
    // the allocation throws, with nothing changed.
    void reserve(std::size_t capacity) {
        if (capacity == 0) return;
        trace_.spans_ = new trace_span[capacity];
        trace_.capacity_ = capacity;
    }

    // The unit of work starts: its own span's start and thread.
    void open(std::int64_t start_ns) noexcept {
        trace_.start_ns_ = start_ns;
        trace_.thread_ = thread_number();
    }

    void add(std::string_view name, std::int64_t start_ns, std::int64_t end_ns, int depth) noexcept {
        if (trace_.size_ == trace_.capacity_) {
            ++trace_.dropped_;
            return;
        }
        std::int64_t duration_ns = 0;
        // A clock that went back gives 0, as a timer counts it; one that spans
        // more than an int64_t of nanoseconds gives the largest.
        if (end_ns > start_ns && __builtin_sub_overflow(end_ns, start_ns, &duration_ns)) duration_ns = INT64_MAX;
        trace_.spans_[trace_.size_++] = trace_span{name, start_ns, duration_ns, depth, thread_number()};
    }

    // The unit of work ends.
    void close(std::int64_t end_ns) noexcept { trace_.end_ns_ = end_ns; }

    // What on_exit reads: empty (not enabled) without room for spans.
    unit_trace const& trace() const noexcept { return trace_; }

    void clear() noexcept {
        trace_.size_ = 0;
        trace_.dropped_ = 0;
    }

private:
    unit_trace trace_;
};

}  // namespace typed_metrics::detail
