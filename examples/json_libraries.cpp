// SPDX-License-Identifier: BSL-1.0
// Handing records to the JSON and formatting libraries a codebase already
// uses: nlohmann/json and {fmt}.
#include "compile_metrics.hpp"

//! [includes]
#include <typed_metrics/fmt.hpp>            // fmt::formatter for records
#include <typed_metrics/nlohmann_json.hpp>  // to_json(nlohmann::json&, record)
//! [includes]

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <iostream>

int main() {
    //! [on_exit]
    tmx::metrics_context<compile_schema> metrics{[](auto const& exit) {
        nlohmann::ordered_json document = exit.metrics;  // schema order; nlohmann::json sorts keys
        document["duration_ns"] = exit.end_ns - exit.start_ns;
        std::cout << document["unit"].get<std::string>() << " took " << document["duration_ns"] << " ns\n";
        fmt::print("{}\n{:j}\n", exit.metrics, exit.metrics);  // the printed form, then the JSON
    }};
    //! [on_exit]

    auto const scope = metrics.enter();
    metrics.set<"unit">("resnet_block");
    metrics.increment<"tokens">(42);
}
