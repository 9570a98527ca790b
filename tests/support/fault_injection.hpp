// SPDX-License-Identifier: BSL-1.0
// Fault injection shared by the allocation-failure and throwing-value tests:
// a fault armed to happen at its k-th chance, and the check that an
// operation failing at any k leaves the record exactly as it was.
#pragma once

#include <boost/test/unit_test.hpp>

#include <typed_metrics/typed_metrics.hpp>

#include <cstddef>
#include <optional>

namespace fault {

// Chances left before the armed fault happens; empty when disarmed.
struct countdown {
    std::optional<std::size_t> left;
    std::size_t injected = 0;

    // Called at every chance; true when the fault must happen now.
    bool fire() {
        if (!left) return false;
        if (*left == 0) {
            left.reset();
            ++injected;
            return true;
        }
        --*left;
        return false;
    }
};

template <class Schema>
struct attempt {
    bool failed = false;
    typed_metrics::record<Schema> reported;  // by the first cycle
    int cycles_reported = 0;
};

// A fresh context; `setup` with faults disarmed; `operation` with the fault
// armed at chance k. The context must be back at depth 0 and report a second
// cycle afterwards.
template <class Schema, class Exception, class Setup, class Operation>
attempt<Schema> run_with_fault_at(countdown& faults, std::size_t k, Setup& setup, Operation& operation) {
    attempt<Schema> result;
    typed_metrics::metrics_context<Schema> context{[&](typed_metrics::exit_info<Schema> const& e) {
        if (result.cycles_reported++ == 0) result.reported = e.metrics;
    }};
    {
        auto const scope = context.enter();
        setup(context);
        faults.left = k;
        try {
            operation(context);
        } catch (Exception const&) {
            result.failed = true;
        }
        faults.left.reset();
        BOOST_TEST(context.in_progress());
    }
    BOOST_TEST(!context.in_progress());
    {
        auto const scope = context.enter();
    }  // usable afterwards
    BOOST_TEST(result.cycles_reported == 2);
    return result;
}

// Runs `operation` after `setup` with the fault at k = 0, 1, ... until it
// succeeds: every failed attempt must leave exactly the record `setup` made,
// the successful one the record a run without faults makes, and faults must
// really have been injected.
template <class Schema, class Exception, class Setup, class Operation>
void check_strong_guarantee(countdown& faults, Setup setup, Operation operation) {
    constexpr std::size_t never = 1'000'000;
    auto nothing = [](typed_metrics::metrics_context<Schema>&) {};
    auto const before = run_with_fault_at<Schema, Exception>(faults, never, setup, nothing);
    auto const after = run_with_fault_at<Schema, Exception>(faults, never, setup, operation);
    BOOST_TEST_REQUIRE(!after.failed);
    std::size_t const injected_before = faults.injected;
    for (std::size_t k = 0;; ++k) {
        auto const a = run_with_fault_at<Schema, Exception>(faults, k, setup, operation);
        if (!a.failed) {
            BOOST_TEST((a.reported == after.reported));
            break;
        }
        BOOST_TEST((a.reported == before.reported), "k = " << k << ": a failed operation changed the record");
    }
    BOOST_TEST(faults.injected > injected_before);
}

}  // namespace fault
