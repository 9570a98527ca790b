// SPDX-License-Identifier: BSL-1.0
#include "schema.hpp"

void record_from_second_unit() {
    auto const scope = shared_context().enter();  // nested: the same context's depth
    shared_context().increment<"calls">(2);
    shared_context().add_to_set<"units">("second");
}
