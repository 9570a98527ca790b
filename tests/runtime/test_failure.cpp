// SPDX-License-Identifier: BSL-1.0
// Failure details: the type and the reason of the exception that ended a unit
// of work (tmx::failure_type, tmx::failure_reason), and scope.fail(e), which
// attaches it to a plain enter() scope.
#define BOOST_TEST_MODULE failure
#include <boost/test/unit_test.hpp>

#include "../support/fixture.hpp"

#include <typed_metrics/failure.hpp>

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>

namespace failure_test {

struct parse_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct not_std {};  // derives from nothing, as an error code struct may
template <class T>
struct templated_error : std::logic_error {
    templated_error() : std::logic_error("templated") {}
};

using schema = tmx::schema<tmx::counter<"steps">>;

struct context_fixture : reporting_fixture<schema> {
    std::vector<std::string> types;    // tmx::failure_type(exit.exception) of each exit
    std::vector<std::string> reasons;  // tmx::failure_reason(exit.exception) of each exit
    tmx::metrics_context<schema> context{[this](tmx::exit_info<schema> const& e) {
                                             keep(e);
                                             types.push_back(tmx::failure_type(e.exception));
                                             reasons.push_back(tmx::failure_reason(e.exception));
                                         },
                                         options()};
};

template <class E>
std::exception_ptr thrown(E error) {
    return std::make_exception_ptr(std::move(error));
}

// What throw_with_nested(outer) throws inside a handler of `inner`.
template <class Outer, class Inner>
std::exception_ptr nested(Outer outer, Inner inner) {
    try {
        try {
            throw inner;
        } catch (...) {
            std::throw_with_nested(outer);
        }
    } catch (...) {
        return std::current_exception();
    }
    return nullptr;
}

}  // namespace failure_test

using namespace failure_test;

BOOST_AUTO_TEST_SUITE(failure_details)

BOOST_AUTO_TEST_CASE(the_type_is_demangled_as_the_source_spells_it) {
    BOOST_TEST(tmx::failure_type(thrown(std::runtime_error("x"))) == "std::runtime_error");
    BOOST_TEST(tmx::failure_type(thrown(parse_error("x"))) == "failure_test::parse_error");
    BOOST_TEST(tmx::failure_type(thrown(templated_error<int>())) == "failure_test::templated_error<int>");
    BOOST_TEST(tmx::failure_type(thrown(42)) == "int");
    BOOST_TEST(tmx::failure_type(thrown(not_std{})) == "failure_test::not_std");
    BOOST_TEST(tmx::failure_type(thrown("a literal")) == "char const*");
}

BOOST_AUTO_TEST_CASE(the_reason_is_what_or_a_fixed_text_for_other_exceptions) {
    BOOST_TEST(tmx::failure_reason(thrown(parse_error("unexpected ')' at 3:14"))) == "unexpected ')' at 3:14");
    BOOST_TEST(tmx::failure_reason(thrown(std::runtime_error(""))) == "");
    BOOST_TEST(tmx::failure_reason(thrown(42)) == "an exception not derived from std::exception");
    BOOST_TEST(tmx::failure_reason(thrown(not_std{})) == "an exception not derived from std::exception");
}

BOOST_AUTO_TEST_CASE(no_exception_gives_empty_texts) {
    BOOST_TEST(tmx::failure_type(nullptr).empty());
    BOOST_TEST(tmx::failure_reason(nullptr).empty());
}

BOOST_AUTO_TEST_CASE(nested_exceptions_are_in_the_reason_and_the_type_is_the_outer_one) {
    auto const error = nested(std::runtime_error("codegen failed"), std::out_of_range("no kernel 7"));
    BOOST_TEST(tmx::failure_type(error) == "std::runtime_error");
    BOOST_TEST(tmx::failure_reason(error) == "codegen failed; caused by std::out_of_range: no kernel 7");

    // Three levels, a non-std exception innermost and one in the middle.
    std::exception_ptr const three = [] {
        try {
            try {
                try {
                    throw 7;
                } catch (...) {
                    std::throw_with_nested(not_std{});
                }
            } catch (...) {
                std::throw_with_nested(parse_error("parse failed"));
            }
        } catch (...) {
            return std::current_exception();
        }
        return std::exception_ptr{};
    }();
    BOOST_TEST(tmx::failure_type(three) == "failure_test::parse_error");
    BOOST_TEST(tmx::failure_reason(three) ==
               "parse failed; caused by failure_test::not_std: an exception not derived from std::exception; "
               "caused by int: an exception not derived from std::exception");
}

BOOST_AUTO_TEST_CASE(a_nested_exception_without_a_cause_says_only_its_own_reason) {
    // throw_with_nested outside any handler nests a null exception_ptr.
    std::exception_ptr const alone = [] {
        try {
            std::throw_with_nested(parse_error("alone"));
        } catch (...) {
            return std::current_exception();
        }
    }();
    BOOST_TEST(tmx::failure_type(alone) == "failure_test::parse_error");
    BOOST_TEST(tmx::failure_reason(alone) == "alone");
}

BOOST_FIXTURE_TEST_CASE(exit_info_gives_both_for_what_run_captured, context_fixture) {
    BOOST_CHECK_THROW(context.run([] { throw parse_error("bad token"); }), parse_error);
    context.run([] {});
    BOOST_TEST_REQUIRE(exits.size() == 2u);
    BOOST_TEST(types[0] == "failure_test::parse_error");
    BOOST_TEST(reasons[0] == "bad token");
    BOOST_TEST(types[1].empty());
    BOOST_TEST(reasons[1].empty());
}

BOOST_FIXTURE_TEST_CASE(a_scope_failed_in_a_handler_that_rethrows_reports_the_exception, context_fixture) {
    try {
        auto const scope = context.enter();
        try {
            context.increment<"steps">(1);
            throw parse_error("bad token");
        } catch (...) {
            scope.fail(std::current_exception());
            throw;
        }
    } catch (parse_error const&) {
    }
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(exits[0].unwinding);
    BOOST_TEST(types[0] == "failure_test::parse_error");
    BOOST_TEST(reasons[0] == "bad token");
    BOOST_TEST(exits[0].metrics.get<"steps">().value() == 1);
}

BOOST_FIXTURE_TEST_CASE(a_scope_failed_by_a_handled_exception_reports_it_without_unwinding, context_fixture) {
    {
        auto const scope = context.enter();
        try {
            throw 42;
        } catch (...) {
            scope.fail(std::current_exception());
        }
    }
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(!exits[0].unwinding);
    BOOST_TEST(types[0] == "int");
    BOOST_TEST(reasons[0] == "an exception not derived from std::exception");
}

BOOST_FIXTURE_TEST_CASE(the_next_unit_starts_without_the_failure, context_fixture) {
    {
        auto const scope = context.enter();
        scope.fail(thrown(parse_error("first")));
    }
    {
        auto const scope = context.enter();
    }
    BOOST_TEST_REQUIRE(exits.size() == 2u);
    BOOST_TEST(static_cast<bool>(exits[0].exception));
    BOOST_TEST(!exits[1].exception);
}

BOOST_FIXTURE_TEST_CASE(a_later_fail_replaces_an_earlier_one, context_fixture) {
    {
        auto const scope = context.enter();
        scope.fail(thrown(parse_error("first")));
        scope.fail(thrown(std::out_of_range("second")));
    }
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(types[0] == "std::out_of_range");
    BOOST_TEST(reasons[0] == "second");
}

BOOST_FIXTURE_TEST_CASE(a_null_exception_does_not_erase_an_attached_one, context_fixture) {
    {
        auto const scope = context.enter();
        scope.fail(nullptr);  // nothing attached yet: nothing to report
    }
    {
        auto const scope = context.enter();
        scope.fail(thrown(parse_error("kept")));
        scope.fail(std::current_exception());  // outside any handler: null
    }
    BOOST_TEST_REQUIRE(exits.size() == 2u);
    BOOST_TEST(!exits[0].exception);
    BOOST_TEST(reasons[1] == "kept");
}

BOOST_FIXTURE_TEST_CASE(a_nested_scope_fail_does_nothing, context_fixture) {
    {
        auto const outer = context.enter();
        {
            auto const inner = context.enter();
            inner.fail(thrown(parse_error("handled inside the unit")));
        }
    }
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(!exits[0].exception);
}

BOOST_FIXTURE_TEST_CASE(the_outermost_scope_fails_also_while_a_nested_one_is_open, context_fixture) {
    {
        auto const outer = context.enter();
        auto const inner = context.enter();
        outer.fail(thrown(parse_error("outer")));
    }
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(reasons[0] == "outer");
}

BOOST_FIXTURE_TEST_CASE(a_moved_from_scope_fail_does_nothing_and_the_moved_one_still_fails, context_fixture) {
    {
        auto first = context.enter();
        auto const second = std::move(first);
        first.fail(thrown(parse_error("through the moved-from scope")));
        BOOST_TEST(context.in_progress());
        second.fail(thrown(parse_error("through the moved scope")));
    }
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(reasons[0] == "through the moved scope");
}

// A destructor run by unwinding sees no handled exception
// (std::current_exception() is null there), so it cannot erase what the
// handler attached; one that handles an exception of its own can attach it.
namespace {
template <class Scope>
struct failing_on_destruction {
    Scope const& scope;
    ~failing_on_destruction() { scope.fail(std::current_exception()); }
};
template <class Scope>
struct failing_with_its_own_error {
    Scope const& scope;
    ~failing_with_its_own_error() {
        try {
            throw std::runtime_error("cleanup failed");
        } catch (...) {
            scope.fail(std::current_exception());
        }
    }
};
}  // namespace

BOOST_FIXTURE_TEST_CASE(fail_from_a_destructor_during_unwinding, context_fixture) {
    try {
        auto const scope = context.enter();
        try {
            failing_on_destruction<decltype(scope)> const guard{scope};
            throw parse_error("body failed");
        } catch (...) {
            scope.fail(std::current_exception());
            failing_on_destruction<decltype(scope)> const inside_handler{scope};  // sees the same exception
            throw;
        }
    } catch (parse_error const&) {
    }
    try {
        auto const scope = context.enter();
        failing_with_its_own_error<decltype(scope)> const guard{scope};
        throw parse_error("body failed");
    } catch (parse_error const&) {
    }
    BOOST_TEST_REQUIRE(exits.size() == 2u);
    BOOST_TEST(reasons[0] == "body failed");
    BOOST_TEST(types[1] == "std::runtime_error");
    BOOST_TEST(reasons[1] == "cleanup failed");
    BOOST_TEST(exits[1].unwinding);
}

BOOST_FIXTURE_TEST_CASE(run_inside_a_failed_scope_keeps_the_outermost_rule, context_fixture) {
    {
        auto const scope = context.enter();
        // run() is nested here: it captures nothing, and the failure attached stays.
        scope.fail(thrown(parse_error("attached")));
        BOOST_CHECK_THROW(context.run([] { throw std::out_of_range("nested run"); }), std::out_of_range);
    }
    BOOST_TEST_REQUIRE(exits.size() == 1u);
    BOOST_TEST(reasons[0] == "attached");
}

BOOST_AUTO_TEST_CASE(a_disabled_scope_accepts_fail_and_does_nothing) {
    tmx::metrics_context<schema, tmx::disabled> context{[](auto const&) { BOOST_FAIL("never called"); }};
    auto const scope = context.enter();
    scope.fail(thrown(parse_error("ignored")));
    static_assert(noexcept(scope.fail(nullptr)));
}

BOOST_AUTO_TEST_CASE(a_runtime_context_reports_no_failure) {
    std::string type = "unset";
    {
        tmx::runtime_metrics_context<schema> context{[&](tmx::exit_info<schema> const& e) {
            type = tmx::failure_type(e.exception) + tmx::failure_reason(e.exception);
        }};
        context.increment<"steps">(1);
    }
    BOOST_TEST(type.empty());
}

BOOST_AUTO_TEST_SUITE_END()
