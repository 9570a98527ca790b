// SPDX-License-Identifier: BSL-1.0
// Preprocessed by tests/compile_fail/probe.cmake with a probe's flags: the
// last line says which form of diagnostics the library prints there, 1 for
// sentences, 0 for the literal messages.
#include <typed_metrics/detail/sentence.hpp>
diagnostic_form TYPED_METRICS_DETAIL_SENTENCES
