// SPDX-License-Identifier: BSL-1.0
// The schema and context every compile-fail probe uses.
#pragma once

// The library first, so that a diagnostic's include chain runs through this
// file alone, as through a user's schema header (docs/errors.md quotes the
// output and each probe bounds its length).
#include <typed_metrics/typed_metrics.hpp>

#include "../support/every_kind_schema.hpp"

namespace tmx = typed_metrics;

using probe_schema = every_kind_schema<3>;

inline tmx::metrics_context<probe_schema> probe_context{[](tmx::exit_info<probe_schema> const&) {}};
