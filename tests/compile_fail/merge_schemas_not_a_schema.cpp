// SPDX-License-Identifier: BSL-1.0
// expect: typed_metrics: merge_schemas<Parts...> requires every part to be a schema<...>
#include <typed_metrics/typed_metrics.hpp>  // first, as in user code: diagnostics count its include chain

#include "unusual_types.hpp"

struct frontend : tmx::schema<tmx::counter<"tokens">> {};
#ifdef TYPED_METRICS_PROBE
struct compile_metrics : tmx::merge_schemas<frontend, tmx::counter<"code_bytes">> {};
#else
struct compile_metrics : tmx::merge_schemas<frontend, tmx::schema<tmx::counter<"code_bytes">>> {};
#endif

int main() { return tmx::record<compile_metrics>{}.size() == 0 ? 0 : 1; }
