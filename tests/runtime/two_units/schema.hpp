// SPDX-License-Identifier: BSL-1.0
// A schema header shared by two translation units, with the context they
// record into: the header-only ODR trap, tested.
#pragma once

#include <typed_metrics/typed_metrics.hpp>

#include <string>

namespace tmx = typed_metrics;

struct shared_schema : tmx::schema<tmx::counter<"calls">, tmx::set_of<"units", std::string>> {};

tmx::metrics_context<shared_schema>& shared_context();

void record_from_first_unit();
void record_from_second_unit();
