// SPDX-License-Identifier: BSL-1.0
#include "schema.hpp"

void record_from_second_unit() {
    auto const scope = shared_context().enter();  // nested: the same context's depth
    shared_context().increment<"calls">(2);
    shared_context().add_to_set<"units">("second");
}

// Computed here, at compile time: the inline variable itself is merged by
// the linker, and would hide a file that computes another value.
std::uint64_t schema_id_in_second_unit() {
    constexpr std::uint64_t id = tmx::schema_id<shared_schema>;
    return id;
}
