// SPDX-License-Identifier: BSL-1.0
// No heap allocation on enter, exit, increment, scalar set or update of
// scalars, in a runtime context's cycle, or anywhere in a disabled context:
// counted by replacing the global operator new in this executable.
#define BOOST_TEST_MODULE allocations
#include <boost/test/unit_test.hpp>

#include "../support/replaced_new.hpp"

#include <typed_metrics/typed_metrics.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace {
std::size_t allocations = 0;
}  // namespace

void on_allocation() {
    ++allocations;
}

namespace tmx = typed_metrics;

namespace {

using schema =
    tmx::schema<tmx::counter<"graph_breaks">, tmx::counter<"cache_bytes", std::uint64_t>,
                tmx::value<"compile_ms", double>, tmx::value<"optimized", bool>, tmx::value<"backend", std::string>,
                tmx::set_of<"guards", std::string>, tmx::map_of<"features", std::string, bool>,
                tmx::top_n_of<"slowest", std::string, std::int64_t, 3>,
                tmx::counter<"compile_time", std::chrono::microseconds>>;

// Longer than any small-string buffer (15 characters in libstdc++, 22 in libc++).
constexpr char const* long_a = "TENSOR_MATCH: L['x'].size()[0] == 8";
constexpr char const* long_b = "GLOBAL_STATE: torch.is_grad_enabled()";

// Counts the allocations `f` makes.
template <class F>
std::size_t allocations_of(F&& f) {
    std::size_t const before = allocations;
    f();
    return allocations - before;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_counter_counts) {
    std::string kept;
    BOOST_TEST(allocations_of([&] { kept.assign(100, 'x'); }) == 1u);  // or the tests below prove nothing
}

BOOST_AUTO_TEST_CASE(scalar_operations_and_scopes_allocate_nothing) {
    std::size_t reports = 0;
    tmx::metrics_context<schema> context{[&](tmx::exit_info<schema> const& e) { reports += e.metrics.size(); }};
    auto const cycle = [&] {
        auto const outer = context.enter();
        {
            auto const inner = context.enter();
            context.increment<"graph_breaks">(1);
            context.increment<"cache_bytes">(std::uint64_t{4096});
            context.set<"compile_ms">(3.5);
        }
        context.update(tmx::arg<"optimized"> = true);
        context.update(tmx::overwrite, tmx::arg<"compile_ms"> = 4.5, tmx::arg<"optimized"> = false);
        context.update_outer(tmx::overwrite, tmx::arg<"compile_ms"> = 5.5);
        context.set<"backend">("eager");  // fits std::string's small buffer
        auto const timer = context.timed<"compile_time">();
    };
    cycle();  // a first cycle may warm up anything lazily allocated
    BOOST_TEST(allocations_of(cycle) == 0u);
    BOOST_TEST(reports == 2 * 6u);  // both cycles reported their 6 metrics
}

// A traced context allocates its spans' room when it is built: a span, and
// one beyond the capacity (dropped), allocate nothing.
BOOST_AUTO_TEST_CASE(spans_of_a_traced_context_allocate_nothing_once_it_is_built) {
    std::size_t spans = 0;
    tmx::metrics_context<schema> context{[&](tmx::exit_info<schema> const& e) { spans += e.trace.size(); },
                                         {.span_capacity = 4}};
    auto const cycle = [&] {
        auto const outer = context.enter();
        for (int i = 0; i < 6; ++i) {
            auto const inner = context.enter();
            auto const timer = context.timed<"compile_time">();
        }
    };
    BOOST_TEST(allocations_of(cycle) == 0u);
    BOOST_TEST(allocations_of(cycle) == 0u);
    BOOST_TEST(spans == 2 * 4u);
}

// A string is assigned into the field's capacity, as a hand-written struct
// assigns it: no temporary is built, so once the field (of each of the
// context's two records) has held a string as long, a set allocates nothing.
BOOST_AUTO_TEST_CASE(a_long_string_set_into_a_field_whose_capacity_suffices_allocates_nothing) {
    tmx::metrics_context<schema> context{nullptr};
    std::string const as_string{long_a};
    auto const cycle = [&] {
        auto const scope = context.enter();
        context.set<"backend">(long_a);
        context.set<"backend">(tmx::overwrite, std::string_view{long_b});
        context.set<"backend">(tmx::overwrite, as_string);
    };
    cycle();
    cycle();  // both records' fields have their capacity
    BOOST_TEST(allocations_of(cycle) == 0u);
}

// Containers are searched with the argument as it is given (a view of its
// characters): an element, or a key, already there costs no allocation.
BOOST_AUTO_TEST_CASE(an_element_or_key_already_present_allocates_nothing) {
    tmx::metrics_context<schema> context{nullptr};
    auto const scope = context.enter();
    context.add_to_set<"guards">(long_a);
    context.set_key_value<"features">(long_a, true);
    BOOST_TEST(allocations_of([&] {
                   context.add_to_set<"guards">(long_a);
                   context.add_to_set<"guards">(std::string_view{long_a});
                   context.set_key_value<"features">(long_a, false);
                   context.set_key_value<"features">(std::string_view{long_a}, true);
               }) == 0u);
    BOOST_TEST(allocations_of([&] { context.add_to_set<"guards">(long_b); }) == 2u);  // a new element: node, string
}

// A ranking decides whether an entry ranks before it builds its key, and
// assigns a ranking key into its free slot's string.
BOOST_AUTO_TEST_CASE(a_ranking_key_that_does_not_rank_or_fits_its_slot_allocates_nothing) {
    tmx::metrics_context<schema> context{nullptr};
    auto const scope = context.enter();
    for (std::int64_t v = 10; v < 14; ++v) context.add_top_n<"slowest">(long_a, v);  // all 4 slots hold long keys
    BOOST_TEST(allocations_of([&] {
                   context.add_top_n<"slowest">(long_b, 1);   // ranks below the 3 kept
                   context.add_top_n<"slowest">(long_a, 20);  // ranks first: into the spare slot
                   context.add_top_n<"slowest">(std::string_view{long_a}, 21);
               }) == 0u);
}

// Units of work opened and ended from on_exit, three levels deep, and kept
// scopes ended after on_exit returned: the records they need are allocated
// in the first cycle and reused after it, so the pool does not grow per cycle.
BOOST_AUTO_TEST_CASE(units_ended_inside_nested_on_exit_calls_allocate_only_in_the_first_cycle) {
    using context_type = tmx::metrics_context<schema>;
    context_type* self = nullptr;
    int level = 0;
    bool keep = true;
    std::size_t reports = 0;
    std::optional<context_type::scope> kept;
    context_type context{[&](tmx::exit_info<schema> const&) {
        ++reports;
        if (level == 3) return;
        ++level;
        {
            auto const nested = self->enter();
            self->increment<"graph_breaks">(1);
        }
        --level;
        if (keep && !kept) kept.emplace(self->enter());  // a unit that ends after this on_exit returns
    }};
    self = &context;
    // Writes into the unit kept by the cycle before (depth is shared), then
    // ends it: a chain of four reports, which keeps the next one.
    auto const cycle = [&] {
        {
            auto const scope = context.enter();
            context.increment<"graph_breaks">(1);
        }
        std::optional<context_type::scope> const ending = std::exchange(kept, std::nullopt);
    };
    cycle();
    cycle();
    std::size_t const reports_before = reports;
    BOOST_TEST(allocations_of(cycle) == 0u);
    BOOST_TEST(allocations_of([&] {
                   for (int i = 0; i < 10; ++i) cycle();
               }) == 0u);
    BOOST_TEST(reports - reports_before == 11 * 4u);
    keep = false;
    kept.reset();
    BOOST_TEST(!context.in_progress());
}

// The callback a disabled context is given is never stored: a lambda whose
// captures exceed std::function's small buffer allocates nothing either.
BOOST_AUTO_TEST_CASE(a_disabled_context_built_with_a_capturing_lambda_allocates_nothing) {
    std::size_t a = 0, b = 0, c = 0, d = 0;
    auto const on_exit = [&a, &b, &c, &d](auto const&) { a += b + c + d; };
    static_assert(sizeof(on_exit) > 2 * sizeof(void*), "captures larger than std::function's small buffer");
    BOOST_TEST(allocations_of([&] {
                   tmx::metrics_context<schema, tmx::disabled> context{on_exit};
                   auto const scope = context.enter();
                   context.increment<"graph_breaks">(1);
                   context.update();
               }) == 0u);
    BOOST_TEST(allocations_of([&] {
                   tmx::metrics_context<schema> enabled{on_exit};  // or the test above proves nothing
               }) == 1u);
}

BOOST_AUTO_TEST_CASE(a_disabled_context_allocates_nothing_at_all) {
    BOOST_TEST(allocations_of([] {
                   tmx::metrics_context<schema, tmx::disabled> context{nullptr};
                   auto const scope = context.enter();
                   context.add_to_set<"guards">("a string far longer than any small-string buffer");
               }) == 0u);
}

BOOST_AUTO_TEST_CASE(a_disabled_runtime_context_allocates_nothing_at_all) {
    // Four captured pointers: more than std::function holds without allocating.
    int a = 0, b = 0, c = 0, d = 0;
    BOOST_TEST(allocations_of([&] {
                   tmx::runtime_metrics_context<schema, tmx::disabled> context{
                       [pa = &a, pb = &b, pc = &c, pd = &d](auto const&) { *pa = *pb = *pc = *pd = 1; }};
                   context.increment<"graph_breaks">(1, tmx::arg<"backend"> = "a string far longer than any buffer");
                   context.finish();
               }) == 0u);
}

BOOST_AUTO_TEST_CASE(a_runtime_context_cycle_allocates_nothing) {
    std::size_t reports = 0;
    tmx::runtime_metrics_context<schema> context{[&](tmx::exit_info<schema> const& e) { reports += e.metrics.size(); }};
    auto const cycle = [&] {
        context.increment<"graph_breaks">(1, tmx::arg<"compile_ms"> = 3.5, tmx::arg<"backend"> = "eager");
        context.increment<"cache_bytes">(std::uint64_t{4096});
        {
            auto const timer = context.timed<"compile_time">();
        }
        context.finish();
    };
    cycle();  // a first cycle may warm up anything lazily allocated
    BOOST_TEST(allocations_of(cycle) == 0u);
    BOOST_TEST(reports == 2 * 5u);
}
