// SPDX-License-Identifier: BSL-1.0
// The same function twice: bare, and instrumented with a disabled context.
// disabled_codegen.cmake compiles this file with -O2 and requires the two
// functions' machine code to be identical.
#include <typed_metrics/typed_metrics.hpp>

#include <chrono>
#include <cstdint>
#include <string>

namespace tmx = typed_metrics;

using schema = tmx::schema<tmx::counter<"items">, tmx::value<"total", std::int64_t>, tmx::value<"label", std::string>,
                           tmx::set_of<"signs", int>, tmx::map_of<"seen", std::string, bool>,
                           tmx::top_n_of<"largest", std::string, std::int64_t, 5>,
                           tmx::counter<"checksum_time", std::chrono::microseconds>>;

// Tracing asked for: a disabled context still keeps and does nothing.
tmx::metrics_context<schema, tmx::disabled> metrics{nullptr, {.span_capacity = 64}};

extern "C" std::int64_t checksum_bare(std::int64_t const* data, int n) {
    std::int64_t total = 0;
    for (int i = 0; i < n; ++i) total += data[i] * 3;
    return total;
}

extern "C" std::int64_t checksum_instrumented(std::int64_t const* data, int n) {
    auto const scope = metrics.enter();
    auto const timer = metrics.timed<"checksum_time">();
    std::int64_t total = 0;
    for (int i = 0; i < n; ++i) {
        total += data[i] * 3;
        metrics.increment<"items">(1);
        metrics.increment<"checksum_time">(std::chrono::milliseconds{1});
        metrics.add_to_set<"signs">(data[i] < 0 ? -1 : 1);
        metrics.add_top_n<"largest">("element", data[i]);
    }
    metrics.set<"total">(total);
    metrics.update(tmx::overwrite, tmx::arg<"total"> = total, tmx::arg<"label"> = "checksum");
    metrics.update_outer(tmx::arg<"label"> = "outer");
    metrics.set_key_value<"seen">("checksum", true);
    return metrics.run([total] { return total; });
}
