// SPDX-License-Identifier: BSL-1.0
// For the probes of the schema's type rules: a record printed and exported
// every way the core headers offer, so that a probe also shows that nothing
// fails after the schema's error.
#pragma once

#include <typed_metrics/json.hpp>
#include <typed_metrics/json_schema.hpp>
#include <typed_metrics/record.hpp>

#include <iostream>

template <class Schema>
int print_and_export(typed_metrics::record<Schema> const& record) {
    std::cout << record << typed_metrics::to_json(record) << typed_metrics::json_schema<Schema>() << '\n';
    return 0;
}
