// SPDX-License-Identifier: BSL-1.0
// A large codebase: each module declares its part of the record in its own
// header; the program merges the parts into one schema and one context.
#include "backend_metrics.hpp"
#include "frontend_metrics.hpp"

#include <iostream>

//! [merge]
// One record per compilation, holding both parts, in order. A name declared
// by both parts is a compile error naming it.
struct compile_metrics : tmx::merge_schemas<frontend_metrics, backend_metrics> {};

tmx::metrics_context<compile_metrics> metrics{[](auto const& exit) { std::cout << exit.metrics << '\n'; }};
//! [merge]

void parse() {
    metrics.increment<"tokens">(42);
    metrics.add_to_set<"guards">("shape");
}

void generate_code() {
    metrics.set<"backend">("inductor");
    metrics.increment<"code_bytes">(std::uint64_t{512});
    metrics.add_top_n<"slowest_passes">("fuse", 30);
}

int main() {
    auto const scope = metrics.enter();
    metrics.set<"unit">("resnet_block");
    parse();
    generate_code();
}
