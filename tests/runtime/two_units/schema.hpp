// SPDX-License-Identifier: BSL-1.0
// A schema header shared by two translation units, with the context they
// record into: the header-only ODR trap, tested.
#pragma once

#include "../../support/fixed_point.hpp"

#include <typed_metrics/typed_metrics.hpp>

#include <cstdint>
#include <string>

namespace tmx = typed_metrics;

struct shared_schema
    : tmx::schema<tmx::counter<"calls">, tmx::set_of<"units", std::string>, tmx::value<"precision", app::fixed<16>>> {};

tmx::metrics_context<shared_schema>& shared_context();

void record_from_first_unit();
void record_from_second_unit();

// The schema's identity as each file computes it: one schema, one identity.
std::uint64_t schema_id_in_first_unit();
std::uint64_t schema_id_in_second_unit();
