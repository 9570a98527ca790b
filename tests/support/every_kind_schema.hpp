// SPDX-License-Identifier: BSL-1.0
// One schema with each kind of metric, shared by the record tests
// (runtime/test_record.cpp), the compile-time checks (static/traits.cpp) and
// the compile-fail probes (compile_fail/probe_schema.hpp): each picks the
// capacity of its ranking (the record tests' 2 is smaller than the three
// operations they rank). support/export_schema.hpp differs on purpose: it
// has every JSON shape, in the order of the JSON it expects.
#pragma once

#include <typed_metrics/typed_metrics.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

template <std::size_t RankingCapacity>
using every_kind_schema =
    typed_metrics::schema<typed_metrics::counter<"graph_breaks">, typed_metrics::counter<"cache_bytes", std::uint64_t>,
                          typed_metrics::value<"backend", std::string>, typed_metrics::value<"compile_ms", double>,
                          typed_metrics::set_of<"guards", std::string>,
                          typed_metrics::map_of<"feature_usage", std::string, bool>,
                          typed_metrics::top_n_of<"slowest_ops", std::string, std::int64_t, RankingCapacity>>;
