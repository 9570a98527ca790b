// SPDX-License-Identifier: BSL-1.0
// Allocation failure injection, in the style of SQLite's OOM tests: the
// global operator new of this executable fails at its k-th call, for
// k = 0, 1, 2, ... until the operation succeeds. At every failure point the
// operation must leave the record exactly as before (checked on the record
// on_exit receives), the depth must come back to 0, and the context must work
// afterwards.
#define BOOST_TEST_MODULE allocation_failures
#include <boost/test/unit_test.hpp>

#include "../support/fault_injection.hpp"
#include "../support/replaced_new.hpp"

#include <array>
#include <cstddef>
#include <chrono>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace {
fault::countdown allocation_failures;  // armed at the k-th allocation
}  // namespace

void on_allocation() {
    if (allocation_failures.fire()) throw std::bad_alloc{};
}

namespace tmx = typed_metrics;

namespace {

struct oom_schema
    : tmx::schema<tmx::value<"s1", std::string>, tmx::value<"s2", std::string>, tmx::value<"s3", std::string>,
                  tmx::value<"s4", std::string>, tmx::value<"s5", std::string>, tmx::counter<"count">,
                  tmx::set_of<"tags", std::string>, tmx::map_of<"flags", std::string, bool>,
                  tmx::top_n_of<"top", std::string, int, 2>, tmx::counter<"time", std::chrono::microseconds>> {};

using context_type = tmx::metrics_context<oom_schema>;

// Two outermost units whose on_exit re-enters up to the third depth: in the
// first, `fail_next` lets on_exit make the next allocation fail.
void run_two_cycles(context_type& context, bool& fail_next) {
    for (bool const fail : {true, false}) {
        fail_next = fail;
        auto const scope = context.enter();
        context.increment<"count">(1);
    }
    allocation_failures.left.reset();
}

// Longer than any small-string buffer, so that copying it allocates.
std::string const long_text(64, 'x');
// Longer than the capacity of a field or slot that held `long_text`, or
// `long_text` + a suffix (libstdc++'s operator+ doubles the capacity: 128).
std::string const longer_text(256, 'y');

template <class Setup, class Operation>
void check_strong_guarantee(Setup setup, Operation operation) {
    fault::check_strong_guarantee<oom_schema, std::bad_alloc>(allocation_failures, setup, operation);
}

void no_setup(context_type&) {}
void some_setup(context_type& c) {
    c.set<"s1">(long_text + "1");
    c.add_to_set<"tags">(long_text + "a");
    c.set_key_value<"flags">(long_text + "k", false);
    c.add_top_n<"top">(long_text + "t", 1);
}

}  // namespace

BOOST_AUTO_TEST_CASE(set_of_a_string_value) {
    check_strong_guarantee(no_setup, [](context_type& c) { c.set<"s2">(long_text); });
    // Assigned into the field: the assignment allocates beyond its capacity
    // (within it, nothing: runtime/test_allocations.cpp).
    check_strong_guarantee(some_setup, [](context_type& c) { c.set<"s1">(tmx::overwrite, longer_text); });
    check_strong_guarantee(some_setup,
                           [](context_type& c) { c.set<"s1">(tmx::overwrite, std::string_view{longer_text}); });
    check_strong_guarantee(some_setup, [](context_type& c) { c.set<"s1">(tmx::overwrite, longer_text.c_str()); });
}

BOOST_AUTO_TEST_CASE(update_of_one_to_five_keys) {
    check_strong_guarantee(some_setup, [](context_type& c) { c.update(tmx::overwrite, tmx::arg<"s1"> = long_text); });
    check_strong_guarantee(some_setup, [](context_type& c) {
        c.update(tmx::overwrite, tmx::arg<"s1"> = long_text, tmx::arg<"s2"> = long_text);
    });
    check_strong_guarantee(some_setup, [](context_type& c) {
        c.update(tmx::overwrite, tmx::arg<"s1"> = long_text, tmx::arg<"s2"> = long_text, tmx::arg<"s3"> = long_text);
    });
    check_strong_guarantee(some_setup, [](context_type& c) {
        c.update(tmx::overwrite, tmx::arg<"s1"> = long_text, tmx::arg<"s2"> = long_text, tmx::arg<"s3"> = long_text,
                 tmx::arg<"s4"> = long_text);
    });
    check_strong_guarantee(no_setup, [](context_type& c) {
        c.update(tmx::arg<"s1"> = long_text, tmx::arg<"s2"> = long_text, tmx::arg<"s3"> = long_text,
                 tmx::arg<"s4"> = long_text, tmx::arg<"s5"> = long_text);
    });
}

BOOST_AUTO_TEST_CASE(containers) {
    check_strong_guarantee(no_setup, [](context_type& c) { c.add_to_set<"tags">(long_text); });
    check_strong_guarantee(no_setup, [](context_type& c) { c.set_key_value<"flags">(long_text, true); });
    check_strong_guarantee(no_setup, [](context_type& c) { c.add_top_n<"top">(long_text, 5); });
    check_strong_guarantee(some_setup, [](context_type& c) { c.add_to_set<"tags">(long_text + "b"); });
    check_strong_guarantee(some_setup, [](context_type& c) { c.set_key_value<"flags">(long_text + "k", true); });
    check_strong_guarantee(some_setup, [](context_type& c) { c.set_key_value<"flags">(long_text + "new", true); });
    check_strong_guarantee(some_setup, [](context_type& c) { c.add_top_n<"top">(long_text + "u", 5); });
    // Looked up as views of the argument's characters, built only to insert.
    check_strong_guarantee(some_setup, [](context_type& c) { c.add_to_set<"tags">(std::string_view{longer_text}); });
    check_strong_guarantee(some_setup, [](context_type& c) { c.set_key_value<"flags">(longer_text.c_str(), true); });
    check_strong_guarantee(some_setup, [](context_type& c) { c.add_top_n<"top">(std::string_view{longer_text}, 7); });
}

BOOST_AUTO_TEST_CASE(enter_and_exit_allocate_nothing_to_fail) {
    std::size_t const injected_before = allocation_failures.injected;
    context_type context{[](tmx::exit_info<oom_schema> const&) {}};
    allocation_failures.left = 0;  // the very next allocation would fail
    {
        auto const outer = context.enter();
        auto const inner = context.enter();
        context.increment<"count">(1);
    }
    bool const nothing_allocated = allocation_failures.left.has_value();
    allocation_failures.left.reset();
    BOOST_TEST(nothing_allocated);
    BOOST_TEST(allocation_failures.injected == injected_before);
}

BOOST_AUTO_TEST_CASE(a_failing_allocation_in_on_exit_is_reported_and_the_context_recovers) {
    std::array<bool, 8> reported{};  // no allocation in the hook itself
    std::size_t reports = 0;
    std::size_t calls = 0;
    context_type context{[&](tmx::exit_info<oom_schema> const& e) {
                             ++calls;
                             tmx::record<oom_schema> const copy = e.metrics;  // allocates: the strings
                             (void)copy;
                         },
                         {.on_error = [&](std::exception_ptr) noexcept {
                             if (reports < reported.size()) reported[reports++] = true;
                         }}};
    std::size_t const injected_before = allocation_failures.injected;
    {
        auto const scope = context.enter();
        context.set<"s1">(long_text);
        allocation_failures.left = 0;
    }
    allocation_failures.left.reset();
    BOOST_TEST(allocation_failures.injected == injected_before + 1);
    BOOST_TEST(calls == 1u);
    BOOST_TEST(reports == 1u);
    BOOST_TEST(!context.in_progress());
    {
        auto const scope = context.enter();
        context.set<"s1">(long_text);  // a new record: no "already been set"
    }
    BOOST_TEST(calls == 2u);
}

// A unit of work ended inside an on_exit needs a record beyond the two a
// context holds, one per depth of such nesting, allocated the first time.
// When that allocation fails (here at the third depth, for the fourth
// record), the unit is not reported, the error hook says why, and the
// context goes on: the next time, the allocation is made and the unit
// reported.
BOOST_AUTO_TEST_CASE(a_unit_that_finds_no_record_at_the_third_depth_is_dropped_and_reported) {
    std::vector<std::int64_t> reported_counts;
    std::size_t errors = 0;
    bool fail_next = false;
    context_type* self = nullptr;
    context_type context{[&](tmx::exit_info<oom_schema> const& e) {
                             std::int64_t const count = e.metrics.get<"count">().value_or(0);
                             reported_counts.push_back(count);
                             if (count < 3) {
                                 auto const nested = self->enter();
                                 self->increment<"count">(count + 1);
                                 if (count == 2 && fail_next) allocation_failures.left = 0;
                             }
                         },
                         {.on_error = [&](std::exception_ptr) noexcept { ++errors; }}};
    self = &context;
    run_two_cycles(context, fail_next);
    // First cycle: units 1 and 2 reported, unit 3 dropped; second cycle: all three.
    BOOST_TEST(reported_counts == (std::vector<std::int64_t>{1, 2, 1, 2, 3}), boost::test_tools::per_element());
    BOOST_TEST(errors == 1u);
    BOOST_TEST(!context.in_progress());
}

// A traced context allocates a third record with room for its spans: when
// the room (the second allocation) fails, the record is freed, the unit
// dropped as above, and its spans reach no other unit.
BOOST_AUTO_TEST_CASE(a_traced_unit_whose_spans_find_no_room_at_the_third_depth_is_dropped_and_reported) {
    std::vector<std::size_t> reported_spans;
    std::size_t errors = 0;
    bool fail_next = false;
    context_type* self = nullptr;
    context_type context{[&](tmx::exit_info<oom_schema> const& e) {
                             std::int64_t const count = e.metrics.get<"count">().value_or(0);
                             reported_spans.push_back(e.trace.size());
                             if (count < 3) {
                                 auto const nested = self->enter();
                                 self->increment<"count">(count + 1);
                                 for (std::int64_t i = 0; i <= count; ++i) auto const timer = self->timed<"time">();
                                 if (count == 2 && fail_next) allocation_failures.left = 1;
                             }
                         },
                         {.on_error = [&](std::exception_ptr) noexcept { ++errors; }, .span_capacity = 4}};
    self = &context;
    run_two_cycles(context, fail_next);
    // Units of 0, 2 spans, then 0, 2, 3: the dropped unit's 3 spans are nowhere.
    BOOST_TEST(reported_spans == (std::vector<std::size_t>{0, 2, 0, 2, 3}), boost::test_tools::per_element());
    BOOST_TEST(errors == 1u);
    BOOST_TEST(!context.in_progress());
}

// The error hook told of a dropped unit may itself record on the context
// (instrumented logging): the unit it opens starts from an empty record, and
// nothing of the dropped unit reaches on_exit through it.
BOOST_AUTO_TEST_CASE(a_unit_opened_by_the_error_hook_of_a_dropped_unit_starts_empty) {
    std::vector<tmx::record<oom_schema>> reported;
    std::vector<std::string> hook_errors;
    context_type* self = nullptr;
    context_type context{[&](tmx::exit_info<oom_schema> const& e) {
                             reported.push_back(e.metrics);
                             if (reported.size() == 1) {
                                 auto const nested = self->enter();  // ends here, finds no record
                                 self->increment<"count">(2);
                                 allocation_failures.left = 0;
                             }
                         },
                         {.on_error = [&](std::exception_ptr) {
                             if (!hook_errors.empty()) return;
                             try {
                                 auto const scope = self->enter();
                                 self->increment<"count">(10);
                                 self->set<"s1">("hook");
                             } catch (tmx::metrics_error const& e) {
                                 hook_errors.emplace_back(e.what());
                             }
                             hook_errors.emplace_back("");
                         }}};
    self = &context;
    {
        auto const scope = context.enter();
        context.increment<"count">(1);
    }
    allocation_failures.left.reset();
    BOOST_TEST(hook_errors == std::vector<std::string>{""}, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(reported.size() == 2u);
    BOOST_TEST(reported[0].get<"count">().value_or(0) == 1);
    BOOST_TEST(reported[1].get<"count">().value_or(0) == 10);  // not 12: the dropped unit's 2 stays dropped
    BOOST_TEST(reported[1].get<"s1">().value_or("") == "hook");
    BOOST_TEST(!context.in_progress());
}
