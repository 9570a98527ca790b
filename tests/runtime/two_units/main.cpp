// SPDX-License-Identifier: BSL-1.0
// Two translation units include one schema header and record into one
// context; the record sees both, and both compute the schema's identity alike.
#include "schema.hpp"

#include <iostream>
#include <set>
#include <string>

namespace {
tmx::record<shared_schema> reported;
}  // namespace

tmx::metrics_context<shared_schema>& shared_context() {
    static tmx::metrics_context<shared_schema> context{[](auto const& e) { reported = e.metrics; }};
    return context;
}

int main() {
    {
        auto const scope = shared_context().enter();
        record_from_first_unit();
        record_from_second_unit();
    }
    std::cout << reported << '\n';
    auto const units = reported.get<"units">();
    std::cout << std::hex << schema_id_in_first_unit() << ' ' << schema_id_in_second_unit() << '\n';
    bool const ok = reported.get<"calls">().value_or(0) == 3 && units &&
                    *units == std::set<std::string, std::less<>>{"first", "second"} &&
                    schema_id_in_first_unit() == schema_id_in_second_unit();
    return ok ? 0 : 1;
}
