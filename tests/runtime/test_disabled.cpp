// SPDX-License-Identifier: BSL-1.0
// A disabled context: every operation does nothing and never throws, nothing
// is reported, and the context holds no state. (That it costs no instructions
// is tested on the machine code: tests/static/disabled/.)
#define BOOST_TEST_MODULE disabled
#include <boost/test/unit_test.hpp>

#include "../support/fixture.hpp"

#include <stdexcept>
#include <string>
#include <type_traits>

namespace {

using schema = tmx::schema<tmx::counter<"count">, tmx::value<"name", std::string>, tmx::set_of<"tags", int>,
                           tmx::map_of<"flags", std::string, bool>, tmx::top_n_of<"top", std::string, int, 2>>;

using disabled_context = tmx::metrics_context<schema, tmx::disabled>;
using disabled_runtime = tmx::runtime_metrics_context<schema, tmx::disabled>;

static_assert(std::is_empty_v<disabled_context>);
static_assert(std::is_empty_v<disabled_runtime>);
static_assert(std::is_trivially_destructible_v<disabled_runtime>);  // the enabled one finishes its record
static_assert(std::is_empty_v<disabled_context::scope>);
static_assert(std::is_trivially_destructible_v<disabled_context::scope>);
static_assert(!std::is_copy_constructible_v<disabled_context::scope>);
static_assert(noexcept(std::declval<disabled_context&>().increment<"count">(1)));
static_assert(!noexcept(std::declval<tmx::metrics_context<schema>&>().increment<"count">(1)));

}  // namespace

BOOST_AUTO_TEST_CASE(operations_do_nothing_inside_or_outside_a_scope) {
    int reports = 0;
    disabled_context context{[&](auto const&) { ++reports; }};
    auto record_everything = [&] {
        context.increment<"count">(1);
        context.set<"name">("a");
        context.set<"name">("b");  // would be "already been set" when enabled
        context.update(tmx::arg<"name"> = "c");
        context.update_outer(tmx::arg<"name"> = "d");
        context.add_to_set<"tags">(1);
        context.set_key_value<"flags">("k", true);
        context.add_top_n<"top">("op", 1);
    };
    BOOST_CHECK_NO_THROW(record_everything());  // outside: would throw when enabled
    {
        auto const scope = context.enter();
        BOOST_TEST(!context.in_progress());
        BOOST_CHECK_NO_THROW(record_everything());
    }
    BOOST_TEST(reports == 0);
}

BOOST_AUTO_TEST_CASE(run_just_runs_the_body) {
    disabled_context context{nullptr};
    BOOST_TEST(context.run([] { return 42; }) == 42);
    BOOST_CHECK_THROW(context.run([]() -> int { throw std::runtime_error("body"); }), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(the_runtime_context_reports_nothing) {
    int reports = 0;
    disabled_runtime runtime{[&](auto const&) { ++reports; }};
    runtime.increment<"count">(1, tmx::arg<"name"> = "x");
    runtime.finish();
    BOOST_TEST(reports == 0);
}
