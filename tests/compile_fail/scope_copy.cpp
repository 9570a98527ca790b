// SPDX-License-Identifier: BSL-1.0
// A scope ends the unit of work when destroyed: copying one would end it twice.
// expect-regex: (use of deleted function|call to deleted constructor)
#include "probe_schema.hpp"

int main() {
    auto scope = probe_context.enter();
#ifdef TYPED_METRICS_PROBE
    auto copy = scope;
#else
    auto moved = std::move(scope);
#endif
}
