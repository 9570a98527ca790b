#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Per-file compile cost: what one file that records a few metrics pays for
a realistic schema header, against the same fields hand-written.

    python3 benchmarks/per_file.py [--compilers g++ clang++] [--work build/per_file]

The header declares 120 metrics modelled on PyTorch's CompilationMetrics
(torch/_dynamo/utils.py): 42 counters, 64 values (string, int64, double,
bool), 10 sets of strings, 3 maps, one ranking of 25. Four files:

  struct     the same fields hand-written: std::int64_t counters, std::optional
             values, std::set and std::map, a vector for the ranking; the
             header and 5 call sites (an overwrite check on the two sets)
  library    the schema header, a context and the same 5 call sites
  schema     the schema header alone: declaring the schema, no call site
  headers    `#include <typed_metrics/typed_metrics.hpp>` alone

and prints the instructions of the compiler proper (callgrind) for each, the
ratio library / struct and the cost of declaring the schema (schema -
headers).
"""
import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import compile_time  # noqa: E402

COUNTERS = ["graph_breaks", "recompiles", "cache_size", "accumulated_cache_size", "guard_count",
            "shape_env_guard_count", "graph_op_count", "graph_node_count", "graph_input_count",
            "num_triton_bundles", "inductor_fx_remote_cache_hit_count", "inductor_fx_remote_cache_miss_count",
            "dynamo_cumulative_compile_time_us", "aot_autograd_cumulative_compile_time_us",
            "inductor_cumulative_compile_time_us", "inductor_code_gen_cumulative_compile_time_us",
            "triton_compile_time_us", "runtime_cudagraphify_time_us", "runtime_triton_autotune_time_us",
            "dynamo_compile_time_before_restart_us", "cuda_synchronize_time_us", "structured_logging_overhead_us",
            "remote_fx_graph_cache_get_time_us", "remote_fx_graph_cache_put_time_us",
            "backward_cumulative_compile_time_us", "pre_grad_pass_time_us", "post_grad_pass_time_us",
            "joint_graph_pass_time_us", "compile_time_autotune_time_us", "gc_time_us", "guard_latency_us",
            "tensorify_float_attempt", "tensorify_float_success", "tensorify_float_failure",
            "num_graph_breaks", "aot_graph_count", "fx_graph_cache_hits", "fx_graph_cache_misses",
            "fx_graph_cache_bypasses", "autotune_local_cache_hits", "autotune_remote_cache_hits",
            "specialized_symbols"]
VALUE_TYPES = ("std::string", "std::int64_t", "double", "bool")
VALUES = ["compile_id", "frame_key", "co_name", "co_filename", "co_firstlineno", "start_time",
          "entire_frame_compile_time_s", "backend_compile_time_s", "inductor_compile_time_s", "code_gen_time_s",
          "fail_type", "fail_reason", "fail_user_frame_filename", "fail_user_frame_lineno",
          "dynamo_time_before_restart_s", "has_guarded_code", "remote_cache_time_saved_s",
          "structured_logging_overhead_s", "config_suppress_errors", "config_inline_inbuilt_nn_modules",
          "specialize_float", "dynamo_config", "is_forward", "end_time_us", "log_format_version", "inductor_config",
          "remote_cache_version", "inductor_fx_remote_cache_backend_type", "cuda_version", "triton_version",
          "is_runtime", "recompile_reason", "python_version", "torch_version", "job_id", "rank",
          "world_size", "device_name", "graph_id", "parent_compile_id"]
VALUES += [f"pass_{i}_metric" for i in range(64 - len(VALUES))]
SETS = ["non_compliant_ops", "compliant_custom_ops", "restart_reasons", "inductor_fx_remote_cache_hit_keys",
        "inductor_fx_remote_cache_miss_keys", "specialized_sources", "guard_failure_reasons",
        "dynamic_dimensions", "unsupported_builtins", "graph_break_reasons"]
MAPS = [("feature_usage", "std::string", "bool"), ("pass_times_us", "std::string", "std::int64_t"),
        ("cache_keys", "std::string", "std::string")]
TOP_N = ("slowest_kernels", "std::string", "std::int64_t", 25)
assert (len(COUNTERS), len(VALUES), len(SETS), len(MAPS)) == (42, 64, 10, 3)


def value_type(i):
    return VALUE_TYPES[i % len(VALUE_TYPES)]


def declarations(counter, value, set_of, map_of, top_n):
    """Every metric, each kind written by its function of the name and types."""
    return ([counter(name) for name in COUNTERS] + [value(name, value_type(i)) for i, name in enumerate(VALUES)] +
            [set_of(name) for name in SETS] + [map_of(name, k, v) for name, k, v in MAPS] + [top_n(*TOP_N)])


def schema_header():
    body = ",\n    ".join(declarations(
        lambda name: f'tmx::counter<"{name}">', lambda name, t: f'tmx::value<"{name}", {t}>',
        lambda name: f'tmx::set_of<"{name}", std::string>', lambda name, k, v: f'tmx::map_of<"{name}", {k}, {v}>',
        lambda name, k, v, n: f'tmx::top_n_of<"{name}", {k}, {v}, {n}>'))
    return f"""#pragma once
#include <typed_metrics/typed_metrics.hpp>
#include <cstdint>
#include <string>
namespace tmx = typed_metrics;
struct compilation_metrics : tmx::schema<
    {body}> {{}};
"""


def struct_header():
    fields = declarations(
        lambda name: f"    std::int64_t {name} = 0;", lambda name, t: f"    std::optional<{t}> {name};",
        lambda name: f"    std::set<std::string> {name};", lambda name, k, v: f"    std::map<{k}, {v}> {name};",
        lambda name, k, v, n: f"    std::vector<std::pair<{v}, {k}>> {name};")
    body = "\n".join(fields)
    return f"""#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>
struct compilation_metrics {{
{body}
}};
"""


# The 5 call sites: a counter, a string and a double value, a set, a map.
LIBRARY_SITES = f"""#include "library.hpp"
tmx::metrics_context<compilation_metrics> metrics{{nullptr}};
void record(std::string const& reason, double seconds) {{
    auto const scope = metrics.enter();
    metrics.increment<"{COUNTERS[0]}">(1);
    metrics.set<"{VALUES[12]}">(reason);
    metrics.set<"{VALUES[6]}">(seconds);
    metrics.add_to_set<"{SETS[2]}">(reason);
    metrics.set_key_value<"{MAPS[0][0]}">(reason, true);
}}
"""
STRUCT_SITES = f"""#include "struct.hpp"
compilation_metrics metrics;
int depth = 0;
[[noreturn, gnu::cold]] void already_set(char const* name) {{
    throw std::runtime_error(std::string(name) + " has already been set");
}}
void record(std::string const& reason, double seconds) {{
    ++depth;
    metrics.{COUNTERS[0]} += 1;
    if (metrics.{VALUES[12]}) already_set("{VALUES[12]}");
    metrics.{VALUES[12]} = reason;
    if (metrics.{VALUES[6]}) already_set("{VALUES[6]}");
    metrics.{VALUES[6]} = seconds;
    metrics.{SETS[2]}.insert(reason);
    metrics.{MAPS[0][0]}.insert_or_assign(reason, true);
    --depth;
}}
"""


def write_sources(work):
    """Writes the headers and the four files into `work`; returns the files by name."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "library.hpp").write_text(schema_header())
    (work / "struct.hpp").write_text(struct_header())
    files = {"struct": STRUCT_SITES, "library": LIBRARY_SITES, "schema": '#include "library.hpp"\n',
             "headers": "#include <typed_metrics/typed_metrics.hpp>\n"}
    paths = {}
    for name, text in files.items():
        paths[name] = work / f"{name}.cpp"
        paths[name].write_text(text)
    return paths


def measure(compiler, work):
    """Compiler instructions (millions) of each file."""
    return {name: compile_time.compiler_instructions(compiler, path) / 1e6
            for name, path in write_sources(work).items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compilers", nargs="+", default=["g++", "clang++"])
    parser.add_argument("--work", type=pathlib.Path, default=compile_time.ROOT / "build" / "per_file")
    args = parser.parse_args()
    print("instructions of the compiler proper (callgrind, millions), `-std=c++20 -O2 -c`\n")
    print("| compiler | struct | library | library / struct | headers | schema | schema - headers |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for compiler in args.compilers:
        m = measure(compiler, args.work / pathlib.Path(compiler).name)
        print(f"| {compiler_name(compiler)} | {m['struct']:.0f} | {m['library']:.0f} | "
              f"{m['library'] / m['struct']:.2f} | {m['headers']:.0f} | {m['schema']:.0f} | "
              f"{m['schema'] - m['headers']:.0f} |", flush=True)


def compiler_name(compiler):
    return compile_time.compiler_name(compiler).split(" (")[0]


if __name__ == "__main__":
    main()
