// SPDX-License-Identifier: BSL-1.0
// A discarded scope ends at once: nothing would be recorded inside it. The
// warning says why (an error here, under -Werror).
// expect-regex: a scope ends when it is destroyed: keep it in a variable for the unit of work
#include "probe_schema.hpp"

int main() {
#ifdef TYPED_METRICS_PROBE
    probe_context.enter();
#else
    auto const scope = probe_context.enter();
#endif
}
