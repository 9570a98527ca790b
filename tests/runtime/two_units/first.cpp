// SPDX-License-Identifier: BSL-1.0
#include "schema.hpp"

void record_from_first_unit() {
    shared_context().increment<"calls">(1);
    shared_context().add_to_set<"units">("first");
}
