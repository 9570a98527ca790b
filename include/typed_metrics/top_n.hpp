// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <tuple>
#include <utility>

namespace typed_metrics {

/// A fixed-capacity ranking that keeps the `N` largest `(value, key)` pairs.
///
/// Entries compare as the pair `(value, key)` does, so equal values are
/// ranked by key. Iteration yields `std::pair<K, V>` largest first. No heap
/// allocation of its own and usable in `constexpr` code:
/// \snippet tests/test_top_n.cpp constexpr_ranking
template <class K, class V, std::size_t N = 25>
class top_n {
public:
    using key_type = K;
    using mapped_type = V;
    using value_type = std::pair<K, V>;
    using const_iterator = typename std::array<value_type, N>::const_iterator;

    static constexpr std::size_t capacity() noexcept { return N; }

    /// Records `(key, value)` if it ranks among the `N` largest so far.
    /// Duplicate keys are distinct entries, as in the Python original.
    constexpr void add(K key, V value) {
        if (size_ == N && !ranks_above(key, value, entries_[N - 1])) return;
        // Insert after every entry that ranks at least as high: a stable position.
        std::size_t at = 0;
        while (at < size_ && !ranks_above(key, value, entries_[at])) ++at;
        if (size_ < N) ++size_;
        for (std::size_t i = size_ - 1; i > at; --i) entries_[i] = std::move(entries_[i - 1]);
        // Member by member: a `value_type` temporary would move the key twice.
        entries_[at].first = std::move(key);
        entries_[at].second = std::move(value);
    }

    constexpr std::size_t size() const noexcept { return size_; }
    constexpr bool empty() const noexcept { return size_ == 0; }
    constexpr const_iterator begin() const noexcept { return entries_.begin(); }
    constexpr const_iterator end() const noexcept { return entries_.begin() + static_cast<std::ptrdiff_t>(size_); }

    /// Forgets every entry; the capacity stays.
    constexpr void clear() noexcept { size_ = 0; }

    friend constexpr bool operator==(top_n const& a, top_n const& b) {
        if (a.size_ != b.size_) return false;
        for (std::size_t i = 0; i < a.size_; ++i) {
            if (!(a.entries_[i] == b.entries_[i])) return false;
        }
        return true;
    }

private:
    static constexpr bool ranks_above(K const& key, V const& value, value_type const& entry) {
        return std::tie(value, key) > std::tie(entry.second, entry.first);
    }

    std::array<value_type, N> entries_{};  // [0, size_) sorted by (value, key), largest first
    std::size_t size_ = 0;
};

}  // namespace typed_metrics
