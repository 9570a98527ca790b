// SPDX-License-Identifier: BSL-1.0
// top_n: PyTorch's TopN test (test/dynamo/test_metrics_context.py), ties, capacity 1, a ranking built
// at compile time, the largest capacity, and the largest record copied on a
// small stack.
#define BOOST_TEST_MODULE top_n
#include <boost/test/unit_test.hpp>

#include <typed_metrics/error.hpp>
#include <typed_metrics/top_n.hpp>
#include <typed_metrics/typed_metrics.hpp>

#include <pthread.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tmx = typed_metrics;

namespace {

template <class K, class V, std::size_t N>
std::vector<std::pair<K, V>> entries(tmx::top_n<K, V, N> const& ranking) {
    return {ranking.begin(), ranking.end()};
}

using ranking = std::vector<std::pair<std::string, int>>;

}  // namespace

//! [constexpr_ranking]
constexpr auto slowest_three() {
    tmx::top_n<std::string_view, int, 3> slowest;
    for (auto const& [op, ms] : {std::pair{"seven", 7}, {"four", 4}, {"five", 5}, {"six", 6}, {"eight", 8}}) {
        slowest.add(op, ms);
    }
    return slowest;
}
static_assert(slowest_three().size() == 3);
static_assert(slowest_three().begin()->first == "eight");
static_assert((slowest_three().begin() + 2)->second == 6);
//! [constexpr_ranking]

// Above 32 entries the rank is found by binary search: in constexpr code too.
constexpr bool binary_search_ranks_at_compile_time() {
    tmx::top_n<int, int, 40> top;
    for (int i = 0; i < 200; ++i) top.add(i % 7, (i * 37) % 101);  // values 0..100, most of them twice
    int previous_value = 101;
    int previous_key = 7;
    for (auto const& [key, value] : top) {
        if (value > previous_value || (value == previous_value && key > previous_key)) return false;
        previous_value = value;
        previous_key = key;
    }
    return top.size() == 40 && top.begin()->second == 100 && (top.end() - 1)->second == 81;
}
static_assert(binary_search_ranks_at_compile_time());

BOOST_AUTO_TEST_CASE(test_top_n) {  // PyTorch's test_top_n
    tmx::top_n<std::string, int, 3> top;
    for (auto const& [k, v] : {std::pair{"seven", 7}, {"four", 4}, {"five", 5}, {"six", 6}, {"eight", 8}}) {
        top.add(k, v);
    }
    BOOST_TEST(top.size() == 3u);
    BOOST_TEST((entries(top) == ranking{{"eight", 8}, {"seven", 7}, {"six", 6}}));
}

BOOST_AUTO_TEST_CASE(fewer_entries_than_capacity_are_all_kept_largest_first) {
    tmx::top_n<std::string, int> top;  // N = 25 by default
    BOOST_TEST(top.capacity() == 25u);
    BOOST_TEST(top.empty());
    top.add("b", 2);
    top.add("a", 1);
    top.add("c", 3);
    BOOST_TEST((entries(top) == ranking{{"c", 3}, {"b", 2}, {"a", 1}}));
}

BOOST_AUTO_TEST_CASE(equal_values_rank_by_key_as_value_key_pairs_compare) {
    tmx::top_n<std::string, int, 3> top;
    for (char const* key : {"b", "d", "a", "c"}) top.add(key, 5);
    // (5, "d") > (5, "c") > (5, "b") > (5, "a"): "a" is the one dropped.
    BOOST_TEST((entries(top) == ranking{{"d", 5}, {"c", 5}, {"b", 5}}));
}

BOOST_AUTO_TEST_CASE(a_full_ranking_drops_an_entry_equal_to_its_smallest) {
    tmx::top_n<std::string, int, 2> top;
    top.add("x", 1);
    top.add("y", 2);
    top.add("x", 1);  // equal to the smallest kept: not larger, so not kept twice
    BOOST_TEST((entries(top) == ranking{{"y", 2}, {"x", 1}}));
}

BOOST_AUTO_TEST_CASE(capacity_one_keeps_the_largest) {
    tmx::top_n<std::string, int, 1> top;
    for (auto const& [k, v] : {std::pair{"a", 3}, {"b", 9}, {"c", 9}, {"d", 1}}) top.add(k, v);
    BOOST_TEST((entries(top) == ranking{{"c", 9}}));
}

BOOST_AUTO_TEST_CASE(duplicate_keys_are_distinct_entries_as_in_python) {
    tmx::top_n<std::string, int, 3> top;
    top.add("matmul", 4);
    top.add("matmul", 9);
    BOOST_TEST((entries(top) == ranking{{"matmul", 9}, {"matmul", 4}}));
}

BOOST_AUTO_TEST_CASE(clear_and_equality) {
    tmx::top_n<std::string, int, 3> a;
    tmx::top_n<std::string, int, 3> b;
    a.add("x", 1);
    BOOST_TEST(!(a == b));
    b.add("x", 1);
    BOOST_TEST((a == b));
    a.clear();
    BOOST_TEST(a.empty());
    BOOST_TEST((a == tmx::top_n<std::string, int, 3>{}));
}

// Entries stay in their slots and only slot numbers are reordered: after many
// insertions, evictions and clears the ranking must still equal the N largest
// (value, key) pairs of a plain sort, in order.
BOOST_AUTO_TEST_CASE(matches_a_sorted_reference_through_evictions_and_clears) {
    tmx::top_n<std::string, int, 5> top;
    std::vector<std::pair<int, std::string>> added;
    std::uint32_t state = 12345;
    auto next = [&] { return (state = state * 1664525u + 1013904223u) >> 16; };
    for (int step = 0; step < 5000; ++step) {
        if (next() % 97 == 0) {
            top.clear();
            added.clear();
            continue;
        }
        std::string key = "k" + std::to_string(next() % 13);
        int const value = static_cast<int>(next() % 20);
        top.add(key, value);
        added.emplace_back(value, std::move(key));
        std::vector<std::pair<int, std::string>> expected = added;
        // Equal pairs are alike, so any sort gives the expected order (not
        // std::stable_sort: libstdc++ 12's one is deprecated for clang 19+).
        std::sort(expected.begin(), expected.end(), std::greater<>{});
        expected.resize(std::min<std::size_t>(expected.size(), 5));
        ranking kept;
        for (auto const& [v, k] : expected) kept.emplace_back(k, v);
        BOOST_TEST_REQUIRE((entries(top) == kept), "at step " << step);
    }
}

BOOST_AUTO_TEST_CASE(iterates_with_random_access_largest_first) {
    static_assert(std::random_access_iterator<tmx::top_n<std::string, int, 3>::const_iterator>);
    tmx::top_n<std::string, int, 3> top;
    for (auto const& [k, v] : {std::pair{"a", 1}, {"d", 4}, {"b", 2}, {"c", 3}}) top.add(k, v);
    auto const first = top.begin();
    BOOST_TEST(first[0].first == "d");
    BOOST_TEST((first + 2)->first == "b");
    BOOST_TEST((top.end() - 1)->second == 2);
    BOOST_TEST(((first < top.end()) && !(top.end() < first)));
    auto it = top.end();
    --it;
    BOOST_TEST(it->first == "b");
    BOOST_TEST((it-- == first + 2));
    BOOST_TEST(it->first == "c");
    std::ptrdiff_t const distance = top.end() - first;
    BOOST_TEST(distance == 3);
    BOOST_TEST(std::distance(top.begin(), top.end()) == 3);
}

namespace {
// A value whose move assignment throws on demand (after the key's has succeeded).
struct fragile_value {
    int amount = 0;
    static inline bool fail = false;
    fragile_value() = default;
    explicit fragile_value(int a) : amount{a} {}
    fragile_value(fragile_value const&) = default;
    fragile_value& operator=(fragile_value&& other) {
        if (fail) throw std::runtime_error("move failed");
        amount = other.amount;
        return *this;
    }
    friend auto operator<=>(fragile_value const&, fragile_value const&) = default;
};
}  // namespace

BOOST_AUTO_TEST_CASE(a_throwing_move_leaves_the_ranking_unchanged) {
    tmx::top_n<int, fragile_value, 2> top;
    top.add(1, fragile_value{10});
    top.add(2, fragile_value{20});
    auto const before = top;
    fragile_value::fail = true;
    BOOST_CHECK_THROW(top.add(3, fragile_value{30}), std::runtime_error);  // would push out (1, 10)
    fragile_value::fail = false;
    BOOST_TEST((top == before));
    BOOST_TEST(top.begin()->first == 2);
    BOOST_TEST((top.begin() + 1)->first == 1);  // its key was not overwritten by 3
    top.add(3, fragile_value{30});
    BOOST_TEST(top.begin()->first == 3);
    BOOST_TEST((top.begin() + 1)->first == 2);
}

// A NaN has no rank: once in, it held rank 0 for good (every comparison with
// it is false). It is refused, key or value, and the ranking is unchanged.
BOOST_AUTO_TEST_CASE(a_nan_key_or_value_is_refused_and_the_ranking_unchanged) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    tmx::top_n<std::string, double, 2> by_value;
    by_value.add("a", 1.0);
    BOOST_CHECK_EXCEPTION(by_value.add("nan", nan), tmx::metrics_error, [](tmx::metrics_error const& e) {
        return std::string_view(e.what()) == "Cannot add NaN to a top_n: NaN has no order";
    });
    by_value.add("b", 2.0);
    by_value.add("c", -std::numeric_limits<double>::infinity());
    BOOST_TEST((entries(by_value) == std::vector<std::pair<std::string, double>>{{"b", 2.0}, {"a", 1.0}}));

    tmx::top_n<float, int, 2> by_key;
    by_key.add(1.0f, 1);
    BOOST_CHECK_THROW(by_key.add(std::numeric_limits<float>::quiet_NaN(), 5), tmx::metrics_error);
    by_key.add(std::numeric_limits<float>::infinity(), 1);
    BOOST_TEST((entries(by_key) ==
                std::vector<std::pair<float, int>>{{std::numeric_limits<float>::infinity(), 1}, {1.0f, 1}}));
}

// Floating-point rankings stay usable in constant expressions.
constexpr double largest_of(std::initializer_list<double> values) {
    tmx::top_n<int, double, 1> top;
    for (double const v : values) top.add(0, v);
    return top.begin()->second;
}
static_assert(largest_of({0.5, std::numeric_limits<double>::infinity(), -1.0}) ==
              std::numeric_limits<double>::infinity());

// At the largest capacity a schema accepts, the binary search and the moves
// of slot numbers must keep the ranking equal to a plain sort's N largest.
BOOST_AUTO_TEST_CASE(the_largest_capacity_matches_a_sorted_reference) {
    constexpr std::size_t capacity = tmx::max_top_n_capacity;
    auto const top = std::make_unique<tmx::top_n<int, int, capacity>>();
    std::vector<std::pair<int, int>> added;  // (value, key)
    std::mt19937 random{7};
    for (int step = 0; step < 30000; ++step) {
        int const key = static_cast<int>(random() % 50);
        int const value = static_cast<int>(random() % 3000);  // many ties, so keys decide too
        top->add(key, value);
        added.emplace_back(value, key);
        if (step % 5000 != 4999) continue;
        std::vector<std::pair<int, int>> expected = added;
        std::sort(expected.begin(), expected.end(), std::greater<>{});
        expected.resize(std::min(expected.size(), capacity));
        std::vector<std::pair<int, int>> kept;
        for (auto const& [k, v] : *top) kept.emplace_back(v, k);
        BOOST_TEST_REQUIRE((kept == expected), "at step " << step);
    }
}

namespace {

// A record as large as a schema accepts: three rankings of strings at the
// largest capacity and a fourth of numbers.
struct largest_schema : tmx::schema<tmx::top_n_of<"a", std::string, std::string, tmx::max_top_n_capacity>,
                                    tmx::top_n_of<"b", std::string, std::string, tmx::max_top_n_capacity>,
                                    tmx::top_n_of<"c", std::string, std::string, tmx::max_top_n_capacity>,
                                    tmx::top_n_of<"d", std::string, std::int64_t, tmx::max_top_n_capacity>> {};
using largest_record = tmx::record<largest_schema>;
static_assert(sizeof(largest_record) > tmx::max_record_bytes * 9 / 10);

// ThreadSanitizer keeps its per-thread state in static thread-local storage,
// which glibc carves out of each thread's stack.
constexpr std::size_t sanitizer_thread_state() {
#if defined(__SANITIZE_THREAD__)
    return std::size_t{1} << 20;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
    return std::size_t{1} << 20;
#endif
#endif
    return 0;
}

// Runs `body` on a thread whose stack holds `bytes`, and waits for it.
template <class Body>
void run_on_stack_of(std::size_t bytes, Body& body) {
    pthread_attr_t attributes;
    BOOST_TEST_REQUIRE(pthread_attr_init(&attributes) == 0);
    BOOST_TEST_REQUIRE(pthread_attr_setstacksize(&attributes, bytes) == 0);
    pthread_t thread;
    auto const run = [](void* b) -> void* {
        (*static_cast<Body*>(b))();
        return nullptr;
    };
    BOOST_TEST_REQUIRE(pthread_create(&thread, &attributes, run, &body) == 0);
    BOOST_TEST_REQUIRE(pthread_join(thread, nullptr) == 0);
    pthread_attr_destroy(&attributes);
}

}  // namespace

// The schema bounds every record by max_record_bytes, and a copy takes one
// record of stack. As in a test that builds its context on a std::thread's
// 8 MiB stack, the context is a local and on_exit copies the largest record,
// as the docs advise, but on a thread whose stack holds only the context, one
// record and a margin: anything that took a second record's worth of stack
// would overflow it and crash.
BOOST_AUTO_TEST_CASE(the_largest_record_is_copied_on_a_stack_little_larger_than_itself) {
    using context_type = tmx::metrics_context<largest_schema>;
    constexpr std::size_t margin = 256 * 1024;  // the thread's own frames and thread-local storage
    constexpr std::size_t stack = sizeof(context_type) + sizeof(largest_record) + margin;
    constexpr std::size_t std_thread_stack = 8 << 20;  // glibc's default
    static_assert(stack <= std_thread_stack / 2);
    std::size_t copied_entries = 0;
    bool copy_equal = false;
    auto body = [&] {
        context_type context{[&](tmx::exit_info<largest_schema> const& exit) {
            largest_record const copy = exit.metrics;
            copy_equal = copy == exit.metrics;
            copied_entries = copy.get<"a">()->size() + copy.get<"d">()->size();
        }};
        auto const scope = context.enter();
        for (int i = 0; i < 5000; ++i) {
            std::string const key = "a key longer than any short string buffer " + std::to_string(i);
            context.add_top_n<"a">(key, key);
            context.add_top_n<"d">(key, std::int64_t{i});
        }
    };
    run_on_stack_of(stack + sanitizer_thread_state(), body);
    BOOST_TEST(copy_equal);
    BOOST_TEST(copied_entries == 2 * tmx::max_top_n_capacity);
}
