// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace typed_metrics::detail {

// FNV-1a.
constexpr std::uint64_t name_hash(std::string_view name) noexcept {
    std::uint64_t hash = 14695981039346656037u;
    for (char const c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211u;
    return hash;
}

// A schema's names in an open-addressing hash table, built in one constant
// expression: the compiler does O(N) work to build it and O(1) per name it
// looks up, where comparing each name with every other costs O(N) per name
// (and sorting strings in the constant evaluator is slow too). Building it
// finds the first name that an earlier one repeats.
template <std::size_t Count>
class name_table {
public:
    constexpr explicit name_table(std::array<std::string_view, Count> const& names) noexcept : names_{names} {
        for (std::size_t position = 0; position < Count; ++position) {
            std::size_t bucket = name_hash(names[position]) % buckets;
            for (; buckets_[bucket] != 0; bucket = (bucket + 1) % buckets) {
                if (names[buckets_[bucket] - 1] == names[position]) {
                    if (first_duplicate_ == Count) first_duplicate_ = position;
                    break;
                }
            }
            if (buckets_[bucket] == 0) buckets_[bucket] = position + 1;
        }
    }

    // The position of the first name that an earlier one repeats, or Count.
    constexpr std::size_t first_duplicate() const noexcept { return first_duplicate_; }

    // The position of `name` (its first, if repeated), or Count.
    constexpr std::size_t position_of(std::string_view name) const noexcept {
        for (std::size_t bucket = name_hash(name) % buckets; buckets_[bucket] != 0; bucket = (bucket + 1) % buckets) {
            if (names_[buckets_[bucket] - 1] == name) return buckets_[bucket] - 1;
        }
        return Count;
    }

private:
    static constexpr std::size_t buckets = 2 * Count + 1;
    std::array<std::string_view, Count> names_;
    std::size_t buckets_[buckets]{};  // position + 1 of the name in each bucket; 0: empty
    std::size_t first_duplicate_ = Count;
};

}  // namespace typed_metrics::detail
