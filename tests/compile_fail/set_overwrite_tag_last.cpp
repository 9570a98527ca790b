// SPDX-License-Identifier: BSL-1.0
// The spelling of an overwrite before the tag came first still compiles,
// with a deprecation warning (an error under -Werror) naming the new one.
// expect: typed_metrics: write set<Name>(tmx::overwrite, value): the tag comes first
#include "probe_schema.hpp"

int main() {
    auto const scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    probe_context.set<"backend">("eager", tmx::overwrite);
#else
    probe_context.set<"backend">(tmx::overwrite, "eager");
#endif
}
