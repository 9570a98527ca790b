// SPDX-License-Identifier: BSL-1.0
// The suggestion's edit distance (bit-parallel, bounded, early exits) against
// the textbook table, and the nearest name: the earliest on ties, within the
// first 64 characters, at compile time as the diagnostics compute it.
#define BOOST_TEST_MODULE closest_name
#include <boost/test/unit_test.hpp>

#include <typed_metrics/detail/closest_name.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace detail = typed_metrics::detail;

namespace {

// Levenshtein distance by the full table, over the compared prefixes.
std::size_t textbook_distance(std::string_view a, std::string_view b) {
    a = a.substr(0, detail::compared_length);
    b = b.substr(0, detail::compared_length);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t const above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Every string of up to `length` characters over "abc".
std::vector<std::string> all_strings(std::size_t length) {
    std::vector<std::string> strings{""};
    for (std::size_t begin = 0, end = 1; length-- > 0; begin = end, end = strings.size()) {
        for (std::size_t i = begin; i < end; ++i) {
            for (char const c : {'a', 'b', 'c'}) strings.push_back(strings[i] + c);
        }
    }
    return strings;
}

constexpr std::size_t no_limit = detail::compared_length + 1;

}  // namespace

static_assert(detail::distances_from{"grph_breaks"}.below("graph_breaks", no_limit) == 1);
static_assert(detail::distances_from{"compile_ns"}.below("compile_ms", no_limit) == 1);
static_assert(detail::distances_from{"kitten"}.below("sitting", no_limit) == 3);
static_assert(detail::distances_from{"kitten"}.below("sitting", 2) == 2);  // not below 2: the limit
static_assert(detail::distances_from{""}.below("abc", no_limit) == 3);
static_assert(detail::distances_from{"abc"}.below("", no_limit) == 3);

constexpr std::array<std::string_view, 4> declared{"backend", "graph_breaks", "guards", "compile_ms"};
static_assert(detail::nearest_among("backnd", declared, 0, declared.size(), {}).index == 0);
static_assert(detail::nearest_among("guard", declared, 0, declared.size(), {}).index == 2);
// Carried over from earlier candidates, as the blocks of a schema's names are.
static_assert(detail::nearest_among("guard", declared, 3, 4, {2, 1}).index == 2);

BOOST_AUTO_TEST_CASE(every_pair_of_short_strings_against_the_table_at_every_limit) {
    std::vector<std::string> const strings = all_strings(5);  // 364 strings
    for (std::string const& a : strings) {
        detail::distances_from const from{a};
        for (std::string const& b : strings) {
            std::size_t const expected = textbook_distance(a, b);
            for (std::size_t limit = 1; limit <= 7; ++limit) {
                BOOST_TEST_REQUIRE(from.below(b, limit) == std::min(expected, limit),
                                   a << " to " << b << " below " << limit);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(random_names_up_to_and_past_64_characters) {
    std::mt19937 random{11};
    auto const name = [&] {
        std::string s(random() % 80, ' ');
        for (char& c : s) c = "ab_xyz\x80\xff"[random() % 8];  // bytes past 127 index the table too
        return s;
    };
    for (int pair = 0; pair < 20000; ++pair) {
        std::string const a = name();
        std::string b = random() % 2 ? name() : a;
        if (!b.empty() && random() % 2) b[random() % b.size()] = 'q';
        std::size_t const expected = textbook_distance(a, b);
        BOOST_TEST_REQUIRE(detail::distances_from{a}.below(b, no_limit) == expected, a << " to " << b);
        std::size_t const limit = 1 + random() % 10;
        BOOST_TEST_REQUIRE(detail::distances_from{a}.below(b, limit) == std::min(expected, limit), a << " to " << b);
    }
}

BOOST_AUTO_TEST_CASE(names_differing_past_64_characters_are_equal) {
    std::string const prefix(64, 'p');
    BOOST_TEST(detail::distances_from{prefix + "abc"}.below(prefix + "xyz", no_limit) == 0u);
}

BOOST_AUTO_TEST_CASE(the_nearest_is_the_earliest_of_the_nearest) {
    std::mt19937 random{5};
    std::array<std::string, 300> names;
    for (auto& n : names) n = "metric_" + std::to_string(random() % 500);
    std::array<std::string_view, 300> views;
    std::copy(names.begin(), names.end(), views.begin());
    for (int round = 0; round < 200; ++round) {
        std::string const wanted = "metric_" + std::to_string(random() % 1000);
        std::size_t expected = 0;
        for (std::size_t i = 1; i < names.size(); ++i) {
            if (textbook_distance(wanted, names[i]) < textbook_distance(wanted, names[expected])) expected = i;
        }
        // In one range, and in blocks carrying the nearest on, as the diagnostics do.
        BOOST_TEST_REQUIRE(detail::nearest_among(wanted, views, 0, views.size(), {}).index == expected);
        detail::nearest_name nearest{};
        for (std::size_t begin = 0; begin < views.size(); begin += 64) {
            nearest = detail::nearest_among(wanted, views, begin, std::min(begin + 64, views.size()), nearest);
        }
        BOOST_TEST_REQUIRE(nearest.index == expected);
        BOOST_TEST_REQUIRE(nearest.distance == textbook_distance(wanted, names[expected]));
    }
}
