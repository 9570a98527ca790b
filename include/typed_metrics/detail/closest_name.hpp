// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace typed_metrics::detail {

// Levenshtein distance; only evaluated when a diagnostic needs a suggestion.
constexpr std::size_t edit_distance(std::string_view a, std::string_view b) {
    constexpr std::size_t max_length = 256;  // longer names are compared by their first 256 characters
    a = a.substr(0, max_length);
    b = b.substr(0, max_length);
    std::array<std::size_t, max_length + 1> row{};
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t const above = row[j];
            std::size_t const substituted = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            std::size_t const inserted_or_deleted = (row[j] < row[j - 1] ? row[j] : row[j - 1]) + 1;
            row[j] = substituted < inserted_or_deleted ? substituted : inserted_or_deleted;
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Index of the candidate nearest to `name` (the first on ties).
template <std::size_t N>
constexpr std::size_t closest_name(std::string_view name, std::array<std::string_view, N> const& candidates) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < N; ++i) {
        if (edit_distance(name, candidates[i]) < edit_distance(name, candidates[best])) best = i;
    }
    return best;
}

}  // namespace typed_metrics::detail
