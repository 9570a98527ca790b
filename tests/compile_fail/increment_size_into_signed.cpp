// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: increment<Name>(v) requires a v that converts to the counter's type without narrowing
// expect-sentence: typed_metrics: increment<"tokens">(v): "tokens" is a counter<std::int64_t>, and v (std::uint64_t) does not convert to std::int64_t without narrowing; declare the metric with std::uint64_t, or pass static_cast<std::int64_t>(v) where it fits
// std::size_t into std::int64_t narrows: the compiler cannot know that a
// run-time size fits, and a wrap at 2^63 is what the check exists to stop.
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include <cstdint>
#include <vector>

namespace tmx = typed_metrics;

using schema = tmx::schema<tmx::counter<"tokens">>;
tmx::metrics_context<schema> context{[](tmx::exit_info<schema> const&) {}};

int main() {
    std::vector<int> const v{1, 2, 3};
    auto const scope = context.enter();
#ifdef TYPED_METRICS_PROBE
    static_assert(!tmx::can_increment<schema, "tokens", decltype(v.size())>);
    context.increment<"tokens">(v.size());
#else
    static_assert(tmx::can_increment<schema, "tokens", decltype(static_cast<std::int64_t>(v.size()))>);
    context.increment<"tokens">(static_cast<std::int64_t>(v.size()));
#endif
}
