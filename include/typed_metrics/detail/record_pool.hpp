// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/span_buffer.hpp>
#include <typed_metrics/record.hpp>

#include <cstddef>
#include <utility>

namespace typed_metrics::detail {

// The records of a context: the one being written, and those that on_exit
// calls are reading. At an outermost exit the open record is handed
// over for reading and a free one opens, so a unit of work that on_exit
// itself opens on the context writes into an empty record, never into the
// one being read, and nothing is moved. Two records are kept inline, which
// serves every exit but that of a unit that ends inside an on_exit (both are
// in use then): each depth of such nesting takes a record allocated the
// first time and kept until the context is destroyed. Each record carries
// the spans of its unit of work (a traced context's), allocated with it.
template <class Schema>
class record_pool {
public:
    struct entry {
        record<Schema> metrics;
        bool reading = false;
        entry* next = nullptr;  // the allocated ones, in a list
        span_buffer spans{};
    };

    record_pool() = default;
    record_pool(record_pool const&) = delete;
    record_pool& operator=(record_pool const&) = delete;
    ~record_pool() {
        while (allocated_ != nullptr) delete std::exchange(allocated_, allocated_->next);
    }

    // Gives every record, and each one allocated later, room for `capacity`
    // spans; throws what allocating them throws.
    void reserve_spans(std::size_t capacity) {
        for (entry& inline_entry : inline_) inline_entry.spans.reserve(capacity);
        span_capacity_ = capacity;
    }

    // The record being written, and its unit's spans.
    [[gnu::always_inline]] record<Schema>& open() noexcept { return open_->metrics; }
    [[gnu::always_inline]] span_buffer& open_spans() noexcept { return open_->spans; }

    // Opens a free record and returns the one that was open, to be read until
    // `release`. Throws what allocating a record throws, with nothing changed.
    entry& hand_over() {
        entry* const next = free_entry();
        entry& handed = *std::exchange(open_, next);
        handed.reading = true;
        return handed;
    }

    // The record is read: cleared, and free again.
    static void release(entry& handed) noexcept {
        record_access::clear(handed.metrics);
        handed.spans.clear();
        handed.reading = false;
    }

private:
    entry* free_entry() {
        for (entry& candidate : inline_) {
            if (&candidate != open_ && !candidate.reading) return &candidate;
        }
        for (entry* candidate = allocated_; candidate != nullptr; candidate = candidate->next) {
            if (candidate != open_ && !candidate->reading) return candidate;
        }
        return allocate();
    }

    [[gnu::cold, gnu::noinline]] entry* allocate() {
        entry* const added = new entry{{}, false, allocated_};
        try {
            added->spans.reserve(span_capacity_);
        } catch (...) {
            delete added;
            throw;
        }
        allocated_ = added;
        return allocated_;
    }

    entry inline_[2];
    entry* open_ = &inline_[0];
    entry* allocated_ = nullptr;
    std::size_t span_capacity_ = 0;
};

}  // namespace typed_metrics::detail
