// SPDX-License-Identifier: BSL-1.0
// The main demo: a toy compiler pipeline with nested phases that records one
// metrics record per compilation, including a compilation that fails, and
// writes the timeline of its phases as a Chrome trace:
//
//     compile_pipeline [TRACE_FILE]     (default: compile_pipeline.trace.json)
#include "compile_metrics.hpp"

#include <typed_metrics/chrome_trace.hpp>
#include <typed_metrics/failure.hpp>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

struct source_unit {
    std::string name;
    std::vector<std::string> ops;  // what the "program" does
};

//! [trace_file]
// Every compilation's spans, in one Chrome Trace Event file that main() opens.
std::ofstream trace_file;
tmx::chrome_trace_writer trace{trace_file, {.unit_name = "compile"}};
//! [trace_file]

// The context is an ordinary object; one per thread that compiles.
//! [on_exit]
tmx::metrics_context<compile_schema> metrics{
    [](tmx::exit_info<compile_schema> const& exit) {
        std::cout << (exit.exception ? "FAILED " : "ok     ") << exit.metrics.get<"unit">().value_or("?") << " in "
                  << (exit.end_ns - exit.start_ns) / 1000 << " us";
        if (exit.exception)
            std::cout << " (" << tmx::failure_type(exit.exception) << ": " << tmx::failure_reason(exit.exception)
                      << ")";
        std::cout << "\n       " << exit.metrics << "\n";
        trace(exit);  // the compilation's spans, into the trace file
    },
    {.span_capacity = 32}};  // traced: each unit of work keeps the spans of up to 32 timers
//! [on_exit]

// A deterministic stand-in for a pass's running time.
std::int64_t cost_of(std::string_view pass, source_unit const& unit) {
    return static_cast<std::int64_t>(pass.size() * unit.ops.size() * 10);
}

// Work that takes time, for the timeline to show.
void simulate(std::int64_t microseconds) {
    std::this_thread::sleep_for(std::chrono::microseconds{microseconds});
}

//! [nested_phase]
void parse(source_unit const& unit) {
    auto const phase = metrics.enter();                // nested: reports nothing by itself
    auto const timer = metrics.timed<"parse_time">();  // adds this scope's time when it ends
    metrics.increment<"tokens">(static_cast<std::int64_t>(unit.ops.size() * 3 + 2));
    metrics.add_to_set<"guards">("input_arity");
}
//! [nested_phase]

//! [passes]
void optimize(source_unit const& unit) {
    auto const phase = metrics.enter();
    auto const timer = metrics.timed<"optimize_time">();
    for (std::string_view pass : {"inline", "constant_fold", "dead_code_elimination", "fuse_elementwise"}) {
        auto const pass_timer = metrics.timed<"pass_time">();  // a span inside optimize_time's
        metrics.add_top_n<"slowest_passes">(std::string(pass), cost_of(pass, unit));
        simulate(cost_of(pass, unit) / 4);
    }
    for (auto const& op : unit.ops) {
        if (op == "print") metrics.increment<"graph_breaks">(1);  // side effects split the graph
        if (op == "reshape") metrics.add_to_set<"guards">("shape");
        if (op == "matmul") metrics.add_to_set<"guards">("dtype");
    }
    metrics.set<"optimized">(true);
}
//! [passes]

void codegen(source_unit const& unit) {
    auto const phase = metrics.enter();
    auto const timer = metrics.timed<"codegen_time">();  // also when codegen throws
    for (auto const& op : unit.ops) {
        simulate(100);
        if (op == "fft") throw std::runtime_error("codegen: no kernel for 'fft'");
        metrics.set_key_value<"feature_usage">(op, true);
        metrics.increment<"code_bytes">(std::uint64_t{64});
    }
    metrics.set_key_value<"feature_usage">("dynamic_shapes", false);
}

//! [compile]
void compile(source_unit const& unit) {
    // run() enters the outermost scope and, if the body throws, hands the
    // exception to on_exit before letting it propagate.
    metrics.run([&] {
        metrics.update(tmx::arg<"unit"> = unit.name, tmx::arg<"backend"> = "inductor");
        parse(unit);
        optimize(unit);
        codegen(unit);
    });
}
//! [compile]

}  // namespace

//! [main]
int main(int argc, char** argv) {
    char const* const trace_path = argc > 1 ? argv[1] : "compile_pipeline.trace.json";
    trace_file.open(trace_path);
    if (!trace_file) {
        std::cerr << "cannot write " << trace_path << "\n";
        return 1;
    }
    std::vector<source_unit> const units{
        {"resnet_block", {"conv", "relu", "reshape", "matmul"}},
        {"logging_loop", {"matmul", "print", "add", "print"}},
        {"spectral_net", {"fft", "matmul"}},
    };
    int failures = 0;
    for (auto const& unit : units) {
        try {
            compile(unit);
        } catch (std::exception const&) {
            ++failures;  // already reported by on_exit
        }
    }
    std::cout << units.size() << " compilations, " << failures << " failed\n";
    trace.close();  // ends the file's array; throws if the file could not be written
}
//! [main]
