// SPDX-License-Identifier: BSL-1.0
// One context per thread: a context is not shared between threads; each
// worker gets its own, and all of them write JSON Lines through copies of one
// sink, which share its lock.
#include "compile_metrics.hpp"

#include <typed_metrics/json.hpp>

#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

std::ostringstream lines;
tmx::json_lines_sink const sink{lines};

//! [per_thread]
// Each thread that compiles gets its own context on first use.
tmx::metrics_context<compile_schema>& metrics() {
    thread_local tmx::metrics_context<compile_schema> context{sink};
    return context;
}
//! [per_thread]

void compile(std::string const& unit) {
    auto const scope = metrics().enter();
    metrics().set<"unit">(unit);
    metrics().increment<"tokens">(static_cast<std::int64_t>(unit.size()));
}

}  // namespace

int main() {
    constexpr int threads = 4;
    constexpr int units_per_thread = 25;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([t] {
            for (int i = 0; i < units_per_thread; ++i) compile("unit_" + std::to_string(t) + "_" + std::to_string(i));
        });
    }
    for (auto& worker : workers) worker.join();

    std::istringstream written(lines.str());
    int count = 0;
    for (std::string line; std::getline(written, line);) {
        count += line.starts_with("{\"start_ns\":") && line.ends_with("}}");
    }
    std::cout << count << " whole lines from " << threads << " threads\n";
}
