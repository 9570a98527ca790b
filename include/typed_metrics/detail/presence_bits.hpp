// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace typed_metrics::detail {

// One bit per metric: whether it was recorded. Like std::bitset, but a call
// naming several metrics can test or set them with one mask per word.
template <std::size_t N>
class presence_bits {
public:
    using word = std::uint64_t;
    static constexpr std::size_t word_bits = 64;

    constexpr bool operator[](std::size_t index) const noexcept {
        return (words_[index / word_bits] >> (index % word_bits)) & 1u;
    }
    constexpr void set(std::size_t index) noexcept { words_[index / word_bits] |= bit(index); }

    // Whether all, or any, of the metrics at `Indices` are present.
    template <std::size_t... Indices>
    constexpr bool all() const noexcept {
        if constexpr (in_one_word<Indices...>) {
            constexpr word mask = (bit(Indices) | ...);
            return (words_[word_of<Indices...>] & mask) == mask;
        } else {
            return ((*this)[Indices] && ...);
        }
    }
    // Sets the bits at `Indices`: one `or` per word when they share one.
    template <std::size_t... Indices>
    constexpr void set_all() noexcept {
        if constexpr (in_one_word<Indices...>) {
            words_[word_of<Indices...>] |= (bit(Indices) | ...);
        } else {
            (set(Indices), ...);
        }
    }
    template <std::size_t... Indices>
    constexpr bool any() const noexcept {
        if constexpr (in_one_word<Indices...>) {
            return (words_[word_of<Indices...>] & (bit(Indices) | ...)) != 0;
        } else {
            return ((*this)[Indices] || ...);
        }
    }

    constexpr std::size_t count() const noexcept {
        std::size_t total = 0;
        for (word const w : words_) total += static_cast<std::size_t>(std::popcount(w));
        return total;
    }
    constexpr bool none() const noexcept {
        for (word const w : words_) {
            if (w != 0) return false;
        }
        return true;
    }
    constexpr void reset() noexcept { words_ = {}; }

    friend constexpr bool operator==(presence_bits const&, presence_bits const&) = default;

private:
    static constexpr word bit(std::size_t index) noexcept { return word{1} << (index % word_bits); }

    template <std::size_t First, std::size_t... Rest>
    static constexpr std::size_t word_of = First / word_bits;
    template <std::size_t... Indices>
    static constexpr bool in_one_word = ((Indices / word_bits == word_of<Indices...>) && ...);

    std::array<word, N == 0 ? 1 : (N + word_bits - 1) / word_bits> words_{};
};

}  // namespace typed_metrics::detail
