// SPDX-License-Identifier: BSL-1.0
// The last records reported, kept in memory for tests and introspection tools.
#pragma once

#include <typed_metrics/error.hpp>
#include <typed_metrics/exit_copy.hpp>
#include <typed_metrics/exit_info.hpp>

#include <cstddef>
#include <mutex>
#include <utility>
#include <vector>

namespace typed_metrics {

/// An `on_exit` callback keeping copies of the last `capacity` records
/// (PyTorch keeps its last 64 compilation records so), oldest dropped first.
/// It holds a lock and is not copyable: give it to a context through
/// `std::ref`. Any thread may read it while contexts on other threads write
/// to it; each reader gets copies, consistent as of one moment.
template <class Schema>
class history {
public:
    /// Throws `metrics_error` for a capacity of 0, which would keep nothing.
    explicit history(std::size_t capacity) : capacity_{capacity} {
        if (capacity == 0) throw metrics_error("typed_metrics: a history of capacity 0 would keep no record");
    }

    history(history const&) = delete;
    history& operator=(history const&) = delete;

    /// Keeps a copy of the record, replacing the oldest one when full. The
    /// copy is made before the lock is taken; if it throws, the history is
    /// as it was and the context hands the exception to its error hook.
    void operator()(exit_info<Schema> const& exit) {
        exit_copy<Schema> copy{exit};
        std::lock_guard const hold{mutex_};
        if (kept_.size() < capacity_) {
            kept_.push_back(std::move(copy));
        } else {
            kept_[oldest_] = std::move(copy);
            oldest_ = (oldest_ + 1) % capacity_;
        }
    }

    /// Copies of the records kept, oldest first.
    std::vector<exit_copy<Schema>> entries() const {
        std::lock_guard const hold{mutex_};
        std::vector<exit_copy<Schema>> copies;
        copies.reserve(kept_.size());
        for (std::size_t i = 0; i < kept_.size(); ++i) copies.push_back(kept_[(oldest_ + i) % kept_.size()]);
        return copies;
    }

    /// How many records are kept: at most `capacity()`.
    std::size_t size() const {
        std::lock_guard const hold{mutex_};
        return kept_.size();
    }

    std::size_t capacity() const noexcept { return capacity_; }

    /// Forgets every record kept.
    void clear() {
        std::lock_guard const hold{mutex_};
        kept_.clear();
        oldest_ = 0;
    }

private:
    std::size_t const capacity_;
    mutable std::mutex mutex_;
    // A ring once full: `oldest_` is where the next record goes.
    std::vector<exit_copy<Schema>> kept_;
    std::size_t oldest_ = 0;
};

}  // namespace typed_metrics
