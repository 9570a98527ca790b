// SPDX-License-Identifier: BSL-1.0
// This file names the value type with its default argument spelled out
// before the schema's header does.
#include "../../support/fixed_point.hpp"
using spelled_out = app::fixed<16, 0>;

#include "schema.hpp"

void record_from_first_unit() {
    shared_context().increment<"calls">(1);
    shared_context().add_to_set<"units">("first");
}

// Computed here, at compile time: the inline variable itself is merged by
// the linker, and would hide a file that computes another value.
std::uint64_t schema_id_in_first_unit() {
    constexpr std::uint64_t id = tmx::schema_id<shared_schema>;
    return id;
}
