// SPDX-License-Identifier: BSL-1.0
// Turning metrics off in production builds: one macro picks the context's
// mode; the instrumented code does not change and is still checked.
#include "compile_metrics.hpp"

#include <iostream>

//! [mode]
#ifdef COMPILE_METRICS_DISABLED
using metrics_mode = tmx::disabled;  // every operation compiles to nothing
#else
using metrics_mode = tmx::enabled;
#endif
using compile_context = tmx::metrics_context<compile_schema, metrics_mode>;
//! [mode]

compile_context metrics{[](auto const& exit) { std::cout << exit.metrics << '\n'; }};

int main() {
    auto const scope = metrics.enter();
    metrics.set<"unit">("resnet_block");
    metrics.increment<"tokens">(42);
    std::cout << "in progress: " << std::boolalpha << metrics.in_progress() << '\n';
}
