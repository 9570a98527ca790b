// SPDX-License-Identifier: BSL-1.0
// Differential test: random operation sequences run against the library and
// against a reference model of the semantics table in docs/semantics.md, written
// independently (string keys, std containers, no Hana), compared after every
// operation: the outcome (done, or which error), the depth, every on_exit
// payload and the timers reported as ending after their unit of work. 100 fixed seeds x 10,000 operations; a divergence
// names the seed and the operation.
#define BOOST_TEST_MODULE model
#include <boost/test/unit_test.hpp>

#include "../support/model.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

using model_test::run;

BOOST_AUTO_TEST_CASE(the_library_follows_the_model) {
    constexpr unsigned seeds = 100;
    constexpr int operations = 10'000;
    std::size_t reports = 0;
    int timers_added = 0, timers_dropped = 0;
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        run r{seed};
        for (int i = 0; i < operations; ++i) {
            std::string const divergence = r.step();
            if (!divergence.empty()) {
                BOOST_FAIL("seed " << seed << ", operation " << i << ": " << divergence);
            }
        }
        r.scopes.clear();
        reports += r.exits.size();
        timers_added += r.reference.added_timers;
        timers_dropped += r.reference.dropped_timers;
    }
    BOOST_TEST_MESSAGE(seeds * operations << " operations, " << reports << " records compared, " << timers_added
                                          << " timers added, " << timers_dropped << " timers dropped");
    BOOST_TEST(reports > 10'000u);     // the sequences really reach on_exit, often
    BOOST_TEST(timers_added > 1'000);  // and both ends of a timer, often
    BOOST_TEST(timers_dropped > 1'000);
}

// The documented pattern for many threads: one context per thread. Eight
// threads run their own sequences (different seeds, so different values)
// against their own context and model at the same time; any sharing between
// them would show as a divergence, and as a ThreadSanitizer report in the
// `tsan` preset.
BOOST_AUTO_TEST_CASE(one_context_per_thread_keeps_threads_apart) {
    constexpr unsigned threads = 8;
    constexpr int operations = 20'000;
    std::array<std::string, threads> divergences;
    std::array<std::size_t, threads> reports{};
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([t, &divergences, &reports] {
            run r{1000 + t};
            for (int i = 0; i < operations && divergences[t].empty(); ++i) {
                std::string const divergence = r.step();
                if (!divergence.empty()) divergences[t] = "operation " + std::to_string(i) + ": " + divergence;
            }
            r.scopes.clear();
            reports[t] = r.exits.size();
        });
    }
    for (auto& worker : workers) worker.join();
    for (unsigned t = 0; t < threads; ++t) {
        BOOST_TEST(divergences[t].empty(), "thread " << t << " (seed " << 1000 + t << "), " << divergences[t]);
        BOOST_TEST(reports[t] > 100u);
    }
}
