// SPDX-License-Identifier: BSL-1.0
// Exporting to JSON Lines: one line per compilation on stdout, and with
// --schema the JSON Schema those lines' "metrics" objects follow; with
// --large-integers-as-strings, both for JavaScript and jq 1.6 consumers.
#include "compile_metrics.hpp"

//! [includes]
#include <typed_metrics/json.hpp>
#include <typed_metrics/json_schema.hpp>
//! [includes]

#include <algorithm>
#include <iostream>
#include <span>
#include <stdexcept>
#include <string_view>

int main(int argc, char** argv) {
    std::span const arguments(argv + 1, argv + argc);
    auto const given = [&](std::string_view flag) {
        return std::any_of(arguments.begin(), arguments.end(), [&](char const* argument) { return argument == flag; });
    };
    //! [json_options]
    // For JavaScript and jq 1.6, which round integers beyond 2^53 - 1: write those as strings.
    tmx::json_options const options{.large_integers_as_strings = given("--large-integers-as-strings")};
    //! [json_options]
    if (given("--schema")) {
        //! [json_schema]
        std::cout << tmx::json_schema<compile_schema>(options) << '\n';
        //! [json_schema]
        return 0;
    }

    //! [sink]
    // One line per outermost exit, written whole and flushed.
    tmx::metrics_context<compile_schema> metrics{tmx::json_lines_sink(std::cout, options)};
    //! [sink]

    for (std::string_view unit : {"resnet_block", "logging_loop"}) {
        auto const scope = metrics.enter();
        metrics.set<"unit">(std::string(unit));
        metrics.increment<"tokens">(static_cast<std::int64_t>(unit.size()));
        metrics.add_to_set<"guards">("shape");
        metrics.set_key_value<"feature_usage">("dynamic_shapes", unit.size() > 12);
        metrics.add_top_n<"slowest_passes">("inline", 40);
    }
    try {
        metrics.run([&] {
            metrics.set<"unit">("spectral_net");
            throw std::runtime_error("codegen: no kernel for 'fft'");
        });
    } catch (std::runtime_error const&) {
        // reported on its line: "exception":"codegen: no kernel for 'fft'","exception_type":"std::runtime_error"
    }
}
