// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/in_place.hpp>
#include <typed_metrics/detail/ordered_value.hpp>

#include <array>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
// The iterator tags alone, from libstdc++'s private header where it has one:
// <iterator> would cost every includer (see docs/design.md, Compile-time rules).
#if defined(__GLIBCXX__) && __has_include(<bits/stl_iterator_base_types.h>)
#include <bits/stl_iterator_base_types.h>
#else
#include <iterator>
#endif
#include <tuple>
#include <type_traits>
#include <utility>

namespace typed_metrics {

/// The largest capacity `N` a schema accepts for `top_n_of<Name, K, V, N>`.
/// A ranking holds its entries inline, so it costs N + 1 entries of storage
/// in every record and every copy of one, and an insertion moves up to N
/// slot numbers: this keeps both small (docs/design.md has the figures).
inline constexpr std::size_t max_top_n_capacity = 4096;

/// A fixed-capacity ranking that keeps the `N` largest `(value, key)` pairs.
///
/// Entries compare as the pair `(value, key)` does, so equal values are
/// ranked by key. Iteration yields `std::pair<K, V>` largest first. No heap
/// allocation of its own and usable in `constexpr` code (docs/reference.md
/// shows a ranking built in a `static_assert`).
/// An insertion costs O(log N) comparisons (up to N for N <= 32) and moves
/// up to N slot numbers.
template <class K, class V, std::size_t N = 25>
class top_n {
    // A slot's position in `slots_`: a byte for the usual small N, two bytes
    // up to the largest capacity a schema accepts (fewer bytes to move).
    using slot_index =
        std::conditional_t<(N < 256), std::uint8_t, std::conditional_t<(N < 65536), std::uint16_t, std::size_t>>;

public:
    using key_type = K;
    using mapped_type = V;
    using value_type = std::pair<K, V>;
    class const_iterator;

    static constexpr std::size_t capacity() noexcept { return N; }

    /// Records `(key, value)` if it ranks among the `N` largest so far.
    /// `key` converts to `K`, or is a view of a string `K`'s characters: it
    /// is compared as given (a string as a view), and a `K` is written only
    /// for an entry that ranks, assigned into a free slot's (a string's
    /// capacity is reused).
    /// Duplicate keys are distinct entries, as in PyTorch's `TopN`.
    /// A floating-point NaN key or value has no rank: it throws
    /// `metrics_error` (in a constant expression, it does not compile).
    /// Strong guarantee: only a free slot is written before the entry is
    /// linked into the order, so if writing the key or value throws, the
    /// ranking is unchanged.
    template <class Key = K>
        requires std::convertible_to<Key, K> || detail::viewed_as_string<K, Key>
    constexpr void add(Key&& key, V value) {
        if constexpr (!std::is_same_v<std::remove_cvref_t<Key>, K> && !detail::viewed_as_string<K, Key>) {
            K converted = std::forward<Key>(key);  // as a parameter of type K would be
            add(std::move(converted), std::move(value));
        } else {
            decltype(auto) compared = detail::lookup_key<K>(key, "add NaN to", "a top_n");
            if (detail::is_nan(value)) [[unlikely]]
                detail::raise_nan("add NaN to", "a top_n");
            if (size_ == N && !ranks_above(compared, value, ranked(N - 1))) return;
            std::size_t const rank = rank_of(compared, value);
            // The entry goes to a free slot (one is spare when full) and stays
            // there: only slot numbers move to make room, never entries (moving
            // a string copies its characters), and no ranked entry is written.
            std::size_t const slot = order_[size_];
            detail::assign_value(slots_[slot].first,
                                 detail::stored_form<K>(std::forward<Key>(key), std::move(compared)));
            slots_[slot].second = std::move(value);
            // When full, the last entry's slot moves to position N: the new spare.
            for (std::size_t i = size_; i > rank; --i) order_[i] = order_[i - 1];
            order_[rank] = static_cast<slot_index>(slot);
            if (size_ < N) ++size_;
        }
    }

    constexpr std::size_t size() const noexcept { return size_; }
    constexpr bool empty() const noexcept { return size_ == 0; }
    /// Largest first.
    constexpr const_iterator begin() const noexcept { return {slots_.data(), order_.data()}; }
    constexpr const_iterator end() const noexcept { return {slots_.data(), order_.data() + size_}; }

    /// Forgets every entry; the capacity stays.
    constexpr void clear() noexcept { size_ = 0; }

    friend constexpr bool operator==(top_n const& a, top_n const& b) {
        if (a.size_ != b.size_) return false;
        for (std::size_t rank = 0; rank < a.size_; ++rank) {
            if (!(a.ranked(rank) == b.ranked(rank))) return false;
        }
        return true;
    }

private:
    // A key given as a view is compared with a view of the entry's: clang 14
    // compares no tuples of a view and a string.
    template <class Key>
    static constexpr bool ranks_above(Key const& key, V const& value, value_type const& entry) {
        if constexpr (std::is_same_v<Key, K>) {
            return std::tie(value, key) > std::tie(entry.second, entry.first);
        } else {
            return std::tie(value, key) > std::tuple<V const&, Key>(entry.second, Key(entry.first));
        }
    }
    constexpr value_type const& ranked(std::size_t rank) const noexcept { return slots_[order_[rank]]; }

    // The rank after every entry that ranks at least as high: a stable
    // position. Small rankings scan from the top, which stops at once for the
    // largest entries (often the new ones, and the usual case while a ranking
    // fills); larger ones search the sorted ranks by halves.
    template <class Key>
    constexpr std::size_t rank_of(Key const& key, V const& value) const {
        std::size_t rank = 0;
        if constexpr (N <= linear_search_capacity) {
            while (rank < size_ && !ranks_above(key, value, ranked(rank))) ++rank;
        } else {
            for (std::size_t count = size_; count > 0;) {
                std::size_t const half = count / 2;
                if (ranks_above(key, value, ranked(rank + half))) {
                    count = half;
                } else {
                    rank += half + 1;
                    count -= half + 1;
                }
            }
        }
        return rank;
    }
    static constexpr std::size_t linear_search_capacity = 32;

    static constexpr std::array<slot_index, N + 1> every_slot() noexcept {
        std::array<slot_index, N + 1> slots{};
        for (std::size_t i = 0; i <= N; ++i) slots[i] = static_cast<slot_index>(i);
        return slots;
    }

    std::array<value_type, N + 1> slots_{};  // the entries, in no order, and a spare
    // A permutation of the slots: order_[rank] for rank < size_ holds the
    // entry at `rank`, largest first; the rest are free.
    std::array<slot_index, N + 1> order_ = every_slot();
    std::size_t size_ = 0;
};

/// Random access, in rank order: a position in the ranking's order of slots.
template <class K, class V, std::size_t N>
class top_n<K, V, N>::const_iterator {
public:
    using iterator_concept = std::random_access_iterator_tag;
    using iterator_category = std::random_access_iterator_tag;
    using value_type = std::pair<K, V>;
    using difference_type = std::ptrdiff_t;
    using pointer = value_type const*;
    using reference = value_type const&;

    constexpr const_iterator() noexcept = default;

    constexpr reference operator*() const noexcept { return slots_[*rank_]; }
    constexpr pointer operator->() const noexcept { return &**this; }
    constexpr reference operator[](difference_type n) const noexcept { return *(*this + n); }

    constexpr const_iterator& operator++() noexcept { return *this += 1; }
    constexpr const_iterator operator++(int) noexcept { return std::exchange(*this, *this + 1); }
    constexpr const_iterator& operator--() noexcept { return *this -= 1; }
    constexpr const_iterator operator--(int) noexcept { return std::exchange(*this, *this - 1); }
    constexpr const_iterator& operator+=(difference_type n) noexcept {
        rank_ += n;
        return *this;
    }
    constexpr const_iterator& operator-=(difference_type n) noexcept { return *this += -n; }
    friend constexpr const_iterator operator+(const_iterator i, difference_type n) noexcept { return i += n; }
    friend constexpr const_iterator operator+(difference_type n, const_iterator i) noexcept { return i += n; }
    friend constexpr const_iterator operator-(const_iterator i, difference_type n) noexcept { return i -= n; }
    friend constexpr difference_type operator-(const_iterator const& a, const_iterator const& b) noexcept {
        return a.rank_ - b.rank_;
    }

    friend constexpr bool operator==(const_iterator const& a, const_iterator const& b) noexcept {
        return a.rank_ == b.rank_;
    }
    friend constexpr auto operator<=>(const_iterator const& a, const_iterator const& b) noexcept {
        return a.rank_ <=> b.rank_;
    }

private:
    friend class top_n;
    constexpr const_iterator(value_type const* slots, slot_index const* rank) noexcept : slots_{slots}, rank_{rank} {}

    value_type const* slots_ = nullptr;
    slot_index const* rank_ = nullptr;
};

}  // namespace typed_metrics
