// SPDX-License-Identifier: BSL-1.0
// The README's first program: one accepted and one rejected line.
// clang-format off
// expect: typed_metrics: increment<Name>() requires a metric declared in the schema; the closest declared name is spelled out in did_you_mean<...>
// expect-sentence: typed_metrics: increment<"grph_breaks">(): the schema declares no metric "grph_breaks"; did you mean "graph_breaks"?
// max-lines-gcc: 10
// clang-format on
//! [readme]
#include <typed_metrics/typed_metrics.hpp>

#include <iostream>
#include <string>

namespace tmx = typed_metrics;

struct compile_schema : tmx::schema<tmx::counter<"graph_breaks">, tmx::value<"backend", std::string>> {};

int main() {
    tmx::metrics_context<compile_schema> ctx{[](auto const& exit) { std::cout << exit.metrics << '\n'; }};
    auto const scope = ctx.enter();
    ctx.increment<"graph_breaks">(1);  // accepted
    ctx.set<"backend">("inductor");
#ifdef TYPED_METRICS_PROBE
    ctx.increment<"grph_breaks">(1);  // rejected: no metric called "grph_breaks"; did you mean "graph_breaks"?
#endif
}  // prints {graph_breaks: 1, backend: "inductor"}
//! [readme]
