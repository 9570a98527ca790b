// SPDX-License-Identifier: BSL-1.0
// Run-time cost of each operation in three implementations with the same
// semantics: this library, a hand-written struct with presence bits and a
// depth check (the limit), and a port of the Python original to
// std::unordered_map<std::string, std::variant<...>>.
//
//   ./operations                          Google Benchmark: time per operation
//   ./operations --instructions NAME      one batch of one case with callgrind
//                                         collecting (benchmarks/instructions.py)
#include <typed_metrics/typed_metrics.hpp>

#include <benchmark/benchmark.h>
#include <valgrind/callgrind.h>

#include <array>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace tmx = typed_metrics;

namespace {

using ranking = tmx::top_n<std::string, std::int64_t, 25>;

// Inputs cycle through small tables so that sets, maps and rankings reach a
// steady state, as they do in a long compilation.
constexpr std::array<char const*, 8> guard_names{"shape", "dtype", "device", "stride",
                                                 "grad", "layout", "rank", "storage"};
constexpr std::array<char const*, 8> op_names{"matmul", "conv", "relu", "softmax", "gelu", "add", "mul", "view"};

// --- this library ---

struct lib_schema : tmx::schema<tmx::counter<"graph_breaks">, tmx::value<"compile_ms", double>,
                                tmx::value<"a", double>, tmx::value<"b", double>, tmx::value<"c", double>,
                                tmx::value<"d", double>, tmx::set_of<"guards", std::string>,
                                tmx::map_of<"features", std::string, bool>,
                                tmx::top_n_of<"slowest", std::string, std::int64_t, 25>> {};

struct library {
    tmx::metrics_context<lib_schema> context{[](tmx::exit_info<lib_schema> const& e) {
        benchmark::DoNotOptimize(e.metrics.size());
    }};
    auto enter() { return context.enter(); }
    void increment(std::int64_t v) { context.increment<"graph_breaks">(v); }
    void set(double v) { context.set<"compile_ms">(v, tmx::overwrite); }
    void update4(double v) {
        context.update(tmx::overwrite, tmx::arg<"a"> = v, tmx::arg<"b"> = v, tmx::arg<"c"> = v, tmx::arg<"d"> = v);
    }
    void add_to_set(char const* v) { context.add_to_set<"guards">(v); }
    void set_key_value(char const* k, bool v) { context.set_key_value<"features">(k, v); }
    void add_top_n(char const* k, std::int64_t v) { context.add_top_n<"slowest">(k, v); }
};

// Nesting as both baselines do it: a new record at depth 0, on_exit when
// back at depth 0.
template <class Baseline>
struct baseline_scope {
    Baseline* self;
    explicit baseline_scope(Baseline* b) : self{b} {
        if (self->depth++ == 0) self->reset();
    }
    baseline_scope(baseline_scope const&) = delete;
    baseline_scope& operator=(baseline_scope const&) = delete;
    ~baseline_scope() {
        if (--self->depth == 0) self->on_exit(self->metrics);
    }
};

// --- the limit: a hand-written struct ---

struct hand_written {
    struct record {
        std::int64_t graph_breaks = 0;
        double compile_ms = 0, a = 0, b = 0, c = 0, d = 0;
        std::set<std::string> guards;
        std::map<std::string, bool> features;
        ranking slowest;
        std::bitset<9> present;
    };
    record metrics;
    int depth = 0;
    std::function<void(record const&)> on_exit = [](record const& r) { benchmark::DoNotOptimize(r.present.count()); };

    [[noreturn, gnu::cold, gnu::noinline]] static void outside() { throw std::runtime_error("outside of a MetricsContext"); }
    void require_scope() const {
        if (depth == 0) [[unlikely]] outside();
    }

    // In place, as a careful hand-writer (and the library) does: assigning a
    // fresh `record{}` would build and destroy a whole ranking of 25 strings.
    void reset() {
        metrics.graph_breaks = 0;
        metrics.compile_ms = metrics.a = metrics.b = metrics.c = metrics.d = 0;
        metrics.guards.clear();
        metrics.features.clear();
        metrics.slowest.clear();
        metrics.present.reset();
    }
    auto enter() { return baseline_scope{this}; }
    void increment(std::int64_t v) {
        require_scope();
        metrics.graph_breaks += v;
        metrics.present.set(0);
    }
    void set(double v) {
        require_scope();
        metrics.compile_ms = v;
        metrics.present.set(1);
    }
    void update4(double v) {
        require_scope();
        metrics.a = metrics.b = metrics.c = metrics.d = v;
        metrics.present |= 0b111100;
    }
    void add_to_set(char const* v) {
        require_scope();
        metrics.guards.insert(std::string(v));
        metrics.present.set(6);
    }
    void set_key_value(char const* k, bool v) {
        require_scope();
        metrics.features.insert_or_assign(std::string(k), v);
        metrics.present.set(7);
    }
    void add_top_n(char const* k, std::int64_t v) {
        if (depth == 0) return;
        metrics.slowest.add(std::string(k), v);
        metrics.present.set(8);
    }
};

// --- the Python original, ported to a map of variants ---

struct map_port {
    using value = std::variant<std::int64_t, double, std::set<std::string>, std::map<std::string, bool>, ranking>;
    std::unordered_map<std::string, value> metrics;
    int depth = 0;
    std::function<void(std::unordered_map<std::string, value> const&)> on_exit =
        [](auto const& m) { benchmark::DoNotOptimize(m.size()); };

    [[noreturn, gnu::cold, gnu::noinline]] static void outside(std::string const& metric) {
        throw std::runtime_error("Cannot record " + metric + " outside of a MetricsContext");
    }
    void require_scope(std::string const& metric) const {
        if (depth == 0) [[unlikely]] outside(metric);
    }
    template <class T>
    T& slot(std::string const& metric) {
        return std::get<T>(metrics.try_emplace(metric, T{}).first->second);
    }

    void reset() { metrics.clear(); }
    auto enter() { return baseline_scope{this}; }
    void increment(std::int64_t v) {
        std::string const metric = "graph_breaks";
        require_scope(metric);
        slot<std::int64_t>(metric) += v;
    }
    void set_value(std::string const& metric, double v, bool overwrite) {
        require_scope(metric);
        if (!overwrite && metrics.contains(metric)) throw std::runtime_error("already been set");
        metrics[metric] = v;
    }
    void set(double v) { set_value("compile_ms", v, true); }
    void update4(double v) {
        std::pair<std::string, double> const values[] = {{"a", v}, {"b", v}, {"c", v}, {"d", v}};
        for (auto const& [metric, x] : values) require_scope(metric);
        for (auto const& [metric, x] : values) metrics[metric] = x;
    }
    void add_to_set(char const* v) {
        std::string const metric = "guards";
        require_scope(metric);
        slot<std::set<std::string>>(metric).insert(std::string(v));
    }
    void set_key_value(char const* k, bool v) {
        std::string const metric = "features";
        require_scope(metric);
        slot<std::map<std::string, bool>>(metric).insert_or_assign(std::string(k), v);
    }
    void add_top_n(char const* k, std::int64_t v) {
        if (depth == 0) return;
        slot<ranking>("slowest").add(std::string(k), v);
    }
};

// --- the kernels: `iterations` operations each ---

struct increment {
    template <class Impl>
    static void run(Impl& m, int iterations) {
        for (int i = 0; i < iterations; ++i) m.increment(1);
    }
};
struct set {
    template <class Impl>
    static void run(Impl& m, int iterations) {
        for (int i = 0; i < iterations; ++i) m.set(i * 0.5);
    }
};
struct update4 {
    template <class Impl>
    static void run(Impl& m, int iterations) {
        for (int i = 0; i < iterations; ++i) m.update4(i * 0.5);
    }
};
struct add_to_set {
    template <class Impl>
    static void run(Impl& m, int iterations) {
        for (int i = 0; i < iterations; ++i) m.add_to_set(guard_names[static_cast<std::size_t>(i) % 8]);
    }
};
struct set_key_value {
    template <class Impl>
    static void run(Impl& m, int iterations) {
        for (int i = 0; i < iterations; ++i) m.set_key_value(op_names[static_cast<std::size_t>(i) % 8], i % 2 == 0);
    }
};
struct add_top_n {
    template <class Impl>
    static void run(Impl& m, int iterations) {
        for (int i = 0; i < iterations; ++i) m.add_top_n(op_names[static_cast<std::size_t>(i) % 8], i % 97);
    }
};
// The loop alone, to read the others net of it.
struct empty_loop {
    template <class Impl>
    static void run(Impl&, int iterations) {
        for (int i = 0; i < iterations; ++i) benchmark::ClobberMemory();
    }
};
struct nested_enter_exit {
    template <class Impl>
    static void run(Impl& m, int iterations) {
        for (int i = 0; i < iterations; ++i) {
            auto const inner = m.enter();
            benchmark::ClobberMemory();
        }
    }
};
// A whole unit of work: enter, 30 operations at two depths, exit to on_exit.
struct record30 {
    static constexpr bool opens_scopes = true;
    template <class Impl>
    static void run(Impl& m, int iterations) {
        for (int i = 0; i < iterations; ++i) {
            auto const outer = m.enter();
            for (int k = 0; k < 3; ++k) {
                auto const phase = m.enter();
                m.increment(1);
                m.increment(2);
                m.set(k * 1.5);
                m.update4(k * 0.5);
                m.add_to_set(guard_names[static_cast<std::size_t>(k)]);
                m.add_to_set(guard_names[static_cast<std::size_t>(k + 3)]);
                m.set_key_value(op_names[static_cast<std::size_t>(k)], true);
                m.add_top_n(op_names[static_cast<std::size_t>(k)], k * 10 + i % 7);
                m.add_top_n(op_names[static_cast<std::size_t>(k + 4)], k);
                m.increment(3);
            }
        }
    }
};

constexpr int batch = 1000;  // operations per kernel call

// Runs `Kernel` on a fresh `Impl`, inside an open scope unless the kernel
// opens its own; `measure` is called with the ready implementation.
template <class Kernel, class Impl, class Measure>
void with_implementation(Measure&& measure) {
    Impl implementation;
    if constexpr (requires { Kernel::opens_scopes; }) {
        measure(implementation);
    } else {
        auto const scope = implementation.enter();
        measure(implementation);
    }
}

template <class Kernel, class Impl>
void time_kernel(benchmark::State& state) {
    with_implementation<Kernel, Impl>([&](Impl& implementation) {
        for (auto _ : state) Kernel::run(implementation, batch);
        state.SetItemsProcessed(state.iterations() * batch);
    });
}

// One warm-up batch, then one batch with callgrind collecting.
template <class Kernel, class Impl>
void count_kernel() {
    with_implementation<Kernel, Impl>([](Impl& implementation) {
        Kernel::run(implementation, batch);
        CALLGRIND_TOGGLE_COLLECT;
        Kernel::run(implementation, batch);
        CALLGRIND_TOGGLE_COLLECT;
    });
}

struct benchmark_case {
    std::string name;
    void (*time)(benchmark::State&);
    void (*count)();
};

template <class Kernel>
void add_cases(std::vector<benchmark_case>& cases, std::string const& kernel) {
    cases.push_back({kernel + "/library", &time_kernel<Kernel, library>, &count_kernel<Kernel, library>});
    cases.push_back({kernel + "/struct", &time_kernel<Kernel, hand_written>, &count_kernel<Kernel, hand_written>});
    cases.push_back({kernel + "/map", &time_kernel<Kernel, map_port>, &count_kernel<Kernel, map_port>});
}

std::vector<benchmark_case> all_cases() {
    std::vector<benchmark_case> cases;
    add_cases<increment>(cases, "increment");
    add_cases<set>(cases, "set");
    add_cases<update4>(cases, "update4");
    add_cases<add_to_set>(cases, "add_to_set");
    add_cases<set_key_value>(cases, "set_key_value");
    add_cases<add_top_n>(cases, "add_top_n");
    add_cases<nested_enter_exit>(cases, "nested_enter_exit");
    add_cases<empty_loop>(cases, "empty_loop");
    add_cases<record30>(cases, "record30");
    return cases;
}

}  // namespace

int main(int argc, char** argv) {
    auto const cases = all_cases();
    if (argc == 3 && std::strcmp(argv[1], "--instructions") == 0) {
        for (auto const& c : cases) {
            if (c.name == argv[2]) {
                c.count();
                return 0;
            }
        }
        return 2;
    }
    for (auto const& c : cases) benchmark::RegisterBenchmark(c.name.c_str(), c.time);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
