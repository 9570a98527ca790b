// SPDX-License-Identifier: BSL-1.0
// Everything but the exporters, sinks and failure details: schema tags,
// schema merging, contexts, the record, top-N. The exporters (json.hpp,
// json_schema.hpp, prometheus.hpp, nlohmann_json.hpp, fmt.hpp), the sinks
// (history.hpp, fan_out.hpp) and failure.hpp are included on their own.
#pragma once

// The schema and the checks first: a diagnostic then shows the shortest
// chain of includes.
#include <typed_metrics/schema.hpp>
#include <typed_metrics/checks.hpp>

#include <typed_metrics/arg.hpp>
#include <typed_metrics/call_site.hpp>
#include <typed_metrics/error.hpp>
#include <typed_metrics/exit_copy.hpp>
#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/merge_schemas.hpp>
#include <typed_metrics/metric.hpp>
#include <typed_metrics/metrics_context.hpp>
#include <typed_metrics/mode.hpp>
#include <typed_metrics/optional_ref.hpp>
#include <typed_metrics/options.hpp>
#include <typed_metrics/overwrite.hpp>
#include <typed_metrics/record.hpp>
#include <typed_metrics/runtime_metrics_context.hpp>
#include <typed_metrics/top_n.hpp>
