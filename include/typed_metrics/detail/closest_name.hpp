// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace typed_metrics::detail {

// The suggestion in a diagnostic is the declared name nearest to an unknown
// one by Levenshtein distance, computed by the constant evaluator, which
// limits the work of each constant expression (clang's -fconstexpr-steps,
// g++'s -fconstexpr-ops-limit). A schema may declare thousands of names, so
// the distance is Myers' bit-parallel algorithm, in Hyyro's form for whole
// strings: a few operations per character of a candidate, where the textbook
// table takes a few per pair of characters. Candidates that cannot come nearer
// than the nearest so far are skipped by their length or left as soon as they
// fall behind, and callers compare the names in blocks of `names_per_block`,
// one constant expression each, so the suggestion stays within the limits
// however many names a schema declares.

// Names are compared by their first 64 characters: one bit each in a word.
inline constexpr std::size_t compared_length = 64;
inline constexpr std::size_t names_per_block = 256;

// Edit distances from one name to others.
class distances_from {
public:
    constexpr explicit distances_from(std::string_view name) : length_{name.substr(0, compared_length).size()} {
        for (std::size_t i = 0; i < length_; ++i) {
            positions_[static_cast<unsigned char>(name[i])] |= std::uint64_t{1} << i;
        }
    }

    // The distance to `other` if it is below `limit`, else `limit`.
    constexpr std::size_t below(std::string_view other, std::size_t limit) const {
        other = other.substr(0, compared_length);
        if ((length_ > other.size() ? length_ - other.size() : other.size() - length_) >= limit) return limit;
        if (length_ == 0) return other.size();
        // Column j of the table D[i][j] (the distance between the first i
        // characters of the name and the first j of `other`) is kept as two
        // bit sets, the rows i where D[i][j] - D[i-1][j] is +1 and -1.
        std::uint64_t rises = ~std::uint64_t{0};
        std::uint64_t falls = 0;
        std::uint64_t const last_row = std::uint64_t{1} << (length_ - 1);
        std::size_t distance = length_;  // D[length_][j]
        // Built-in subscripts: the evaluator counts every call to operator[]
        // (see docs/design.md, Compile-time rules).
        char const* const characters = other.data();
        std::size_t const columns = other.size();
        for (std::size_t j = 0; j < columns; ++j) {
            std::uint64_t const matches = positions_[static_cast<unsigned char>(characters[j])];
            std::uint64_t const diagonal = (((matches & rises) + rises) ^ rises) | matches | falls;
            std::uint64_t const right_rises = (falls | ~(diagonal | rises));
            std::uint64_t const right_falls = diagonal & rises;
            distance = distance + ((right_rises & last_row) != 0) - ((right_falls & last_row) != 0);
            // Each remaining character can bring the distance down by one at most.
            if (distance >= limit + (columns - j - 1)) return limit;
            std::uint64_t const shifted_rises = (right_rises << 1) | 1;  // D[0][j] = j rises along row 0
            rises = (right_falls << 1) | ~(diagonal | shifted_rises);
            falls = shifted_rises & diagonal;
        }
        return distance;
    }

private:
    std::size_t length_;
    std::uint64_t positions_[256]{};  // for each character, the positions of the name that hold it
};

// A candidate's position and distance; a distance above any possible one
// before the first candidate.
struct nearest_name {
    std::size_t index = 0;
    std::size_t distance = compared_length + 1;
};

// The nearest of `nearest` and the candidates [begin, end) to `name`, the
// earliest on ties.
template <std::size_t N>
constexpr nearest_name nearest_among(std::string_view name, std::array<std::string_view, N> const& candidates,
                                     std::size_t begin, std::size_t end, nearest_name nearest) {
    distances_from const from{name};
    for (std::size_t i = begin; i < end; ++i) {
        std::size_t const distance = from.below(candidates[i], nearest.distance);
        if (distance < nearest.distance) nearest = {i, distance};
    }
    return nearest;
}

}  // namespace typed_metrics::detail
