// SPDX-License-Identifier: BSL-1.0
// The {fmt} formatter: "{}" is operator<<'s text, "{:j}" to_json's.
#define BOOST_TEST_MODULE fmt
#include <boost/test/unit_test.hpp>

#include "../support/export_schema.hpp"

#include <typed_metrics/fmt.hpp>
#include <typed_metrics/json.hpp>

#include <fmt/format.h>

#include <sstream>

using export_test::export_fixture;

BOOST_FIXTURE_TEST_SUITE(fmt_suite, export_fixture)

BOOST_AUTO_TEST_CASE(braces_print_the_text_and_j_the_json) {
    auto const& r = record_everything();
    std::ostringstream streamed;
    streamed << r;
    BOOST_TEST(fmt::format("{}", r) == streamed.str());
    BOOST_TEST(fmt::format("{:j}", r) == everything_json);
    BOOST_TEST(fmt::format("<{}|{:j}>", tmx::record<export_test::schema>{}, tmx::record<export_test::schema>{}) ==
               "<{}|{}>");
}

BOOST_AUTO_TEST_CASE(another_format_spec_is_a_format_error) {
    auto const& r = record_everything();
    BOOST_CHECK_EXCEPTION((void)fmt::format(fmt::runtime("{:x}"), r), fmt::format_error,
                          [](fmt::format_error const& e) {
                              return std::string(e.what()) == "typed_metrics: a record's format is {} or {:j}";
                          });
}

BOOST_AUTO_TEST_SUITE_END()
