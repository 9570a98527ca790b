// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: schema<...> requires distinct metric names; this one is declared twice
// expect-sentence: typed_metrics: schema<...>: "tokens" is declared twice; rename one of them or declare it once
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

// Two modules' parts, each valid alone.
struct frontend : tmx::schema<tmx::counter<"tokens">, tmx::value<"unit", int>> {};
#ifdef TYPED_METRICS_PROBE
struct backend : tmx::schema<tmx::counter<"code_bytes">, tmx::counter<"tokens">> {};
#else
struct backend : tmx::schema<tmx::counter<"code_bytes">, tmx::counter<"kernels">> {};
#endif
struct compile_metrics : tmx::merge_schemas<frontend, backend> {};

int main() { return tmx::record<compile_metrics>{}.size() == 0 ? 0 : 1; }
