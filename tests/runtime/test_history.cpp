// SPDX-License-Identifier: BSL-1.0
// tmx::history: the last N records, copies handed out, read from other
// threads while a context writes (in the tsan preset's `threads` run).
#define BOOST_TEST_MODULE history
#include <boost/test/unit_test.hpp>

#include "../support/fixture.hpp"

#include <typed_metrics/failure.hpp>
#include <typed_metrics/history.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using schema = tmx::schema<tmx::counter<"i">, tmx::value<"copy_of_i", std::int64_t>, tmx::value<"text", std::string>>;

// Records i = 0, 1, ... as one unit each: `copy_of_i` and `text` repeat `i`,
// so that a record torn between two writes would not agree with itself.
void record_units(tmx::metrics_context<schema>& context, std::int64_t from, std::int64_t count) {
    for (std::int64_t i = from; i < from + count; ++i) {
        auto const scope = context.enter();
        context.increment<"i">(i);
        context.set<"copy_of_i">(i);
        context.set<"text">(std::string(64, 'x') + std::to_string(i));
    }
}

std::int64_t i_of(tmx::exit_copy<schema> const& entry) {
    return entry.metrics.get<"i">().value();
}

bool whole(tmx::exit_copy<schema> const& entry) {
    std::int64_t const i = i_of(entry);
    return entry.metrics.get<"copy_of_i">().value() == i &&
           entry.metrics.get<"text">().value() == std::string(64, 'x') + std::to_string(i);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(history)

BOOST_AUTO_TEST_CASE(a_capacity_of_zero_is_refused) {
    BOOST_CHECK_EXCEPTION(tmx::history<schema>{0}, tmx::metrics_error, [](tmx::metrics_error const& e) {
        return std::string(e.what()) == "typed_metrics: a history of capacity 0 would keep no record";
    });
}

BOOST_AUTO_TEST_CASE(it_keeps_the_last_n_records_oldest_first) {
    tmx::history<schema> kept{3};
    tmx::metrics_context<schema> context{std::ref(kept), {.clock = &fake_clock}};
    BOOST_TEST(kept.entries().empty());
    record_units(context, 0, 2);
    BOOST_TEST_REQUIRE(kept.size() == 2u);
    BOOST_TEST(i_of(kept.entries()[0]) == 0);
    record_units(context, 2, 5);  // 7 in all: 4, 5, 6 remain
    auto const entries = kept.entries();
    BOOST_TEST_REQUIRE(entries.size() == 3u);
    BOOST_TEST(kept.capacity() == 3u);
    for (std::size_t k = 0; k < entries.size(); ++k) {
        BOOST_TEST(i_of(entries[k]) == static_cast<std::int64_t>(4 + k));
        BOOST_TEST(whole(entries[k]));
        BOOST_TEST(entries[k].end_ns > entries[k].start_ns);
    }
}

BOOST_AUTO_TEST_CASE(a_capacity_of_one_keeps_the_latest) {
    tmx::history<schema> kept{1};
    tmx::metrics_context<schema> context{std::ref(kept)};
    record_units(context, 0, 3);
    auto const entries = kept.entries();
    BOOST_TEST_REQUIRE(entries.size() == 1u);
    BOOST_TEST(i_of(entries[0]) == 2);
}

BOOST_AUTO_TEST_CASE(entries_are_copies_that_outlive_the_history_and_clear_forgets) {
    std::vector<tmx::exit_copy<schema>> copies;
    {
        tmx::history<schema> kept{64};
        tmx::metrics_context<schema> context{std::ref(kept)};
        record_units(context, 0, 2);
        copies = kept.entries();
        record_units(context, 2, 1);
        BOOST_TEST(copies.size() == 2u);  // taken before the third record
        kept.clear();
        BOOST_TEST(kept.size() == 0u);
        record_units(context, 3, 1);
        BOOST_TEST_REQUIRE(kept.size() == 1u);
        BOOST_TEST(i_of(kept.entries()[0]) == 3);
    }
    BOOST_TEST(whole(copies[1]));
}

BOOST_AUTO_TEST_CASE(it_keeps_the_failure_of_each_unit) {
    tmx::history<schema> kept{4};
    tmx::metrics_context<schema> context{std::ref(kept)};
    BOOST_CHECK_THROW(context.run([] { throw std::out_of_range("step 3"); }), std::out_of_range);
    context.run([] {});
    auto const entries = kept.entries();
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[0].unwinding);
    BOOST_TEST(tmx::failure_type(entries[0].exception) == "std::out_of_range");
    BOOST_TEST(tmx::failure_reason(entries[0].exception) == "step 3");
    BOOST_TEST(!entries[1].unwinding);
    BOOST_TEST(tmx::failure_type(entries[1].exception).empty());
}

BOOST_AUTO_TEST_CASE(a_runtime_context_feeds_it_too) {
    tmx::history<schema> kept{2};
    {
        tmx::runtime_metrics_context<schema> context{std::ref(kept)};
        context.increment<"i">(5, tmx::arg<"copy_of_i"> = std::int64_t{5});
        context.finish();
        context.increment<"i">(6);
    }  // the destructor finishes the second
    auto const entries = kept.entries();
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(i_of(entries[0]) == 5);
    BOOST_TEST(!entries[1].metrics.contains<"copy_of_i">());
}

// One thread writes through its context while two others read: every entry
// read is a whole record, entries are consecutive, none beyond the capacity.
BOOST_AUTO_TEST_CASE(readers_on_other_threads_see_whole_records_in_order) {
    constexpr std::size_t capacity = 16;
    constexpr std::int64_t units = 5'000;
    tmx::history<schema> kept{capacity};
    std::atomic<bool> done{false};
    std::atomic<int> readers_started{0};
    std::atomic<int> failures{0};
    std::atomic<std::int64_t> reads{0};
    std::atomic<std::int64_t> reads_before_the_end{0};  // reads that found the writer still writing
    auto const read = [&] {
        ++readers_started;
        std::int64_t latest_seen = -1;
        while (!done) {
            auto const entries = kept.entries();
            bool ok = entries.size() <= capacity && kept.size() <= capacity;
            for (std::size_t k = 0; k < entries.size(); ++k) {
                ok = ok && whole(entries[k]) && (k == 0 || i_of(entries[k]) == i_of(entries[k - 1]) + 1);
            }
            if (!entries.empty()) {
                ok = ok && i_of(entries.back()) >= latest_seen;  // never back in time
                latest_seen = i_of(entries.back());
            }
            if (!ok) ++failures;
            ++reads;
            if (entries.empty() || i_of(entries.back()) < units - 1) ++reads_before_the_end;
        }
    };
    std::thread first_reader(read);
    std::thread second_reader(read);
    std::thread writer([&] {
        while (readers_started < 2) std::this_thread::yield();
        tmx::metrics_context<schema> context{std::ref(kept)};
        record_units(context, 0, units);
        done = true;
    });
    writer.join();
    first_reader.join();
    second_reader.join();
    BOOST_TEST(failures == 0);
    BOOST_TEST(reads_before_the_end > 0);
    BOOST_TEST_MESSAGE(reads << " reads, " << reads_before_the_end << " while the writer wrote");
    auto const entries = kept.entries();
    BOOST_TEST_REQUIRE(entries.size() == capacity);
    BOOST_TEST(i_of(entries.front()) == units - static_cast<std::int64_t>(capacity));
    BOOST_TEST(i_of(entries.back()) == units - 1);
}

BOOST_AUTO_TEST_SUITE_END()
