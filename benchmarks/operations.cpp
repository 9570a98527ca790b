// SPDX-License-Identifier: BSL-1.0
// Run-time cost of each operation in four implementations of the same
// record: this library; a hand-written struct with the library's semantics
// (presence bits, a depth test, the overwrite check, the file and line of
// each first write, the start and end time and the unwinding flag given to
// on_exit); the same struct without first-write locations, timestamps and
// unwinding flag ("plain"); and a port of PyTorch's MetricsContext to
// std::unordered_map<std::string, std::variant<...>>.
//
//   ./operations                          Google Benchmark: time per batch
//   ./operations --instructions NAME      one batch of one case with callgrind
//                                         collecting (benchmarks/instructions.py)
#include <typed_metrics/typed_metrics.hpp>

#include <benchmark/benchmark.h>
#include <valgrind/callgrind.h>

#include <array>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace tmx = typed_metrics;

namespace {

// Inputs cycle through small tables so that sets, maps and rankings reach a
// steady state, as they do in a long compilation. The short names fit in
// std::string's in-place buffer (15 characters in libstdc++); the long ones,
// kernel names and file paths as a compiler records them, do not.
using names = std::array<char const*, 8>;
constexpr names short_guards{"shape", "dtype", "device", "stride", "grad", "layout", "rank", "storage"};
constexpr names short_ops{"matmul", "conv", "relu", "softmax", "gelu", "add", "mul", "view"};
constexpr names long_guards{
    "TENSOR_MATCH: L['x'].size()[0] == 8",        "GLOBAL_STATE: torch.is_grad_enabled()",
    "DEFAULT_DEVICE: torch.device('cuda:0')",     "ID_MATCH: ___check_obj_id(L['self'].weight)",
    "TYPE_MATCH: ___check_type_id(L['mod'], 94)", "DICT_KEYS: list(L['kwargs'].keys()) == ['dim']",
    "SHAPE_ENV: 2 <= L['x'].size()[1]",           "TORCH_FUNCTION_MODE_STACK: ___check_mode_stack()"};
constexpr names long_ops{"triton_poi_fused_add_mul_0",
                         "torch/_inductor/codegen/triton.py",
                         "triton_red_fused__softmax_native_layer_norm_3",
                         "aten::convolution_backward_overrideable",
                         "/usr/lib/python3/dist-packages/torch/_dynamo/eval_frame.py",
                         "triton_per_fused_native_layer_norm_backward_17",
                         "torch/_functorch/_aot_autograd/runtime_wrappers.py",
                         "cutlass_gemm_bf16_128x128x64_warpspecialized_cooperative_epi"};
constexpr bool all_longer_than_sso(names const& table) {
    for (char const* name : table) {
        if (std::string_view{name}.size() < 24) return false;
    }
    return true;
}
static_assert(all_longer_than_sso(long_guards) && all_longer_than_sso(long_ops));

// The metrics written once per record by the first-write kernels: `fresh`
// doubles w00..w19 and `fresh` strings s00..s19.
constexpr std::size_t fresh = 20;
using name3 = tmx::fixed_string<4>;
constexpr name3 double_names[fresh]{"w00", "w01", "w02", "w03", "w04", "w05", "w06", "w07", "w08", "w09",
                                    "w10", "w11", "w12", "w13", "w14", "w15", "w16", "w17", "w18", "w19"};
constexpr name3 string_names[fresh]{"s00", "s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s09",
                                    "s10", "s11", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19"};

constexpr std::size_t ranking_size = 25;

// --- this library ---

template <class Fresh>
struct lib_schema_of;
template <std::size_t... I>
struct lib_schema_of<std::index_sequence<I...>> {
    using type = tmx::schema<tmx::counter<"graph_breaks">, tmx::value<"compile_ms", double>, tmx::value<"a", double>,
                             tmx::value<"b", double>, tmx::value<"c", double>, tmx::value<"d", double>,
                             tmx::value<"kernel", std::string>, tmx::set_of<"guards", std::string>,
                             tmx::map_of<"features", std::string, bool>,
                             tmx::top_n_of<"slowest", std::string, std::int64_t, ranking_size>,
                             tmx::counter<"compile_time", std::chrono::microseconds>,
                             tmx::value<double_names[I], double>..., tmx::value<string_names[I], std::string>...>;
};
struct lib_schema : lib_schema_of<std::make_index_sequence<fresh>>::type {};

constexpr int batch = 1000;  // operations, or records, per batch

// `Traced`: the context keeps a span for every timer of a batch.
template <bool Traced>
struct library_impl {
    tmx::metrics_context<lib_schema> context{
        [](tmx::exit_info<lib_schema> const& e) {
            benchmark::DoNotOptimize(e.metrics.size() + (Traced ? e.trace.size() : 0));
        },
        {.span_capacity = Traced ? batch : 0}};
    [[gnu::always_inline]] auto enter() { return context.enter(); }
    [[gnu::always_inline]] void increment(std::int64_t v) { context.increment<"graph_breaks">(v); }
    [[gnu::always_inline]] void set(double v) { context.set<"compile_ms">(tmx::overwrite, v); }
    [[gnu::always_inline]] void update4(double v) {
        context.update(tmx::overwrite, tmx::arg<"a"> = v, tmx::arg<"b"> = v, tmx::arg<"c"> = v, tmx::arg<"d"> = v);
    }
    [[gnu::always_inline]] void set_string(char const* v) { context.set<"kernel">(tmx::overwrite, v); }
    template <std::size_t I>
    [[gnu::always_inline]] void set_first(double v) {
        context.set<double_names[I]>(v);
    }
    template <std::size_t I>
    [[gnu::always_inline]] void update4_first(double v) {
        context.update(tmx::arg<double_names[4 * I]> = v, tmx::arg<double_names[4 * I + 1]> = v,
                       tmx::arg<double_names[4 * I + 2]> = v, tmx::arg<double_names[4 * I + 3]> = v);
    }
    template <std::size_t I>
    [[gnu::always_inline]] void set_string_first(char const* v) {
        context.set<string_names[I]>(v);
    }
    [[gnu::always_inline]] void add_to_set(char const* v) { context.add_to_set<"guards">(v); }
    [[gnu::always_inline]] void set_key_value(char const* k, bool v) { context.set_key_value<"features">(k, v); }
    [[gnu::always_inline]] void add_top_n(char const* k, std::int64_t v) { context.add_top_n<"slowest">(k, v); }
    [[gnu::always_inline]] auto timer() { return context.timed<"compile_time">(); }
    [[gnu::always_inline]] auto traced_timer() {
        static_assert(Traced);
        return timer();
    }
};
using library = library_impl<false>;

// --- a hand-written struct, as a careful hand-writer writes it ---
//
// Strings are taken as views and assigned into the field's capacity; sets and
// maps compare transparently (std::less<>) and are searched before a key is
// built; the ranking decides whether an entry ranks before building it.

// The library's ranking (top_n), written for string keys.
class hand_ranking {
public:
    void add(std::string_view key, std::int64_t value) {
        if (size_ == ranking_size && !ranks_above(key, value, slots_[order_[ranking_size - 1]])) return;
        std::size_t rank = 0;
        while (rank < size_ && !ranks_above(key, value, slots_[order_[rank]])) ++rank;
        std::uint8_t const slot = order_[size_];
        slots_[slot].first.assign(key);  // into the slot's capacity
        slots_[slot].second = value;
        for (std::size_t i = size_; i > rank; --i) order_[i] = order_[i - 1];
        order_[rank] = slot;
        if (size_ < ranking_size) ++size_;
    }
    void clear() { size_ = 0; }

private:
    using entry_type = std::pair<std::string, std::int64_t>;
    static bool ranks_above(std::string_view key, std::int64_t value, entry_type const& entry) {
        return value > entry.second || (value == entry.second && key > entry.first);
    }
    static constexpr std::array<std::uint8_t, ranking_size + 1> every_slot() {
        std::array<std::uint8_t, ranking_size + 1> slots{};
        for (std::size_t i = 0; i <= ranking_size; ++i) slots[i] = static_cast<std::uint8_t>(i);
        return slots;
    }
    std::array<entry_type, ranking_size + 1> slots_{};
    std::array<std::uint8_t, ranking_size + 1> order_ = every_slot();
    std::size_t size_ = 0;
};

// Where a value was first written, for "already been set at file:line".
struct site {
    char const* file;
    unsigned line;
};

// `Locations`: the library's semantics (first-write locations, timestamps
// and unwinding flag for on_exit); without, the plain struct. The operations
// are always inlined, as the library's are: g++ otherwise leaves a call at
// some call sites of a many-site function, where a hand-writer's test would
// be inline.
template <bool Locations>
struct hand_written {
    // Positions in the presence bits.
    static constexpr std::size_t graph_breaks = 0, compile_ms = 1, a = 2, b = 3, c = 4, d = 5, kernel = 6, guards = 7,
                                 features = 8, slowest = 9, compile_time = 10, w0 = 11, s0 = w0 + fresh,
                                 size = s0 + fresh;
    // One presence bit per metric, in one word as the library keeps them.
    static constexpr std::uint64_t bit(std::size_t metric) { return std::uint64_t{1} << metric; }
    struct record {
        std::int64_t graph_breaks = 0;
        double compile_ms = 0, a = 0, b = 0, c = 0, d = 0;
        std::string kernel;
        std::set<std::string, std::less<>> guards;
        std::map<std::string, bool, std::less<>> features;
        hand_ranking slowest;
        std::int64_t compile_time_us = 0;
        std::array<double, fresh> w{};
        std::array<std::string, fresh> s{};
        std::uint64_t present = 0;
    };
    static_assert(size <= 64);
    struct exit_info {
        std::int64_t start_ns, end_ns;
        record const& metrics;
        bool unwinding;
    };

    record metrics;
    site first_set[Locations ? size : 1]{};
    // Where an overwrite wrote a metric's current value: the error names it
    // beside the first write, as the library's does.
    std::uint64_t overwritten = 0;
    site last_set[Locations ? size : 1]{};
    int depth = 0;
    int exceptions_at_entry = 0;
    std::int64_t start_ns = 0;
    // Counts the metrics, as the library's on_exit does (record::size()).
    std::function<void(exit_info const&)> on_exit = [](exit_info const& e) {
        benchmark::DoNotOptimize(std::popcount(e.metrics.present));
    };

    [[noreturn, gnu::cold, gnu::noinline]] static void outside() { throw std::runtime_error("outside of a scope"); }
    [[noreturn, gnu::cold, gnu::noinline]] void already_set(std::size_t metric) const {
        if constexpr (Locations) {
            std::string message = "already been set at ";
            if (overwritten & bit(metric))
                message.append(last_set[metric].file)
                    .append(":")
                    .append(std::to_string(last_set[metric].line))
                    .append(", first at ");
            throw std::runtime_error(message + first_set[metric].file + ":" + std::to_string(first_set[metric].line));
        } else {
            throw std::runtime_error("already been set");
        }
    }
    [[gnu::always_inline]] void require_scope() const {
        if (depth == 0) [[unlikely]]
            outside();
    }
    [[gnu::always_inline]] bool present(std::size_t metric) const { return (metrics.present & bit(metric)) != 0; }
    [[gnu::always_inline]] void first_write(std::size_t metric, [[maybe_unused]] site where) {
        metrics.present |= bit(metric);
        if constexpr (Locations) first_set[metric] = where;
    }
    [[gnu::always_inline]] void overwrote(std::size_t metric, [[maybe_unused]] site where) {
        if constexpr (Locations) {
            overwritten |= bit(metric);
            last_set[metric] = where;
        }
    }
    // Before a write: the scope, then the overwrite check; marks a first
    // write, or where an overwrite wrote.
    [[gnu::always_inline]] void will_write(std::size_t metric, bool overwrite, site where) {
        require_scope();
        if (present(metric)) {
            if (!overwrite) [[unlikely]]
                already_set(metric);
            overwrote(metric, where);
        } else {
            first_write(metric, where);
        }
    }
    // Before an update of the metrics first, first + 1, ...: the scope, then
    // one test of their bits (all or nothing); marks the first writes, or where overwrites wrote.
    template <std::size_t First, std::size_t Count>
    [[gnu::always_inline]] void will_update(bool overwrite, site where) {
        constexpr std::uint64_t mask = ((std::uint64_t{1} << Count) - 1) << First;
        require_scope();
        std::uint64_t const written = metrics.present & mask;
        if (written != 0 && !overwrite) [[unlikely]] {
            already_set(First + static_cast<std::size_t>(std::countr_zero(written)));
        }
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            if (written == mask) {  // all overwritten: one or of the bits, a store of each site
                if constexpr (Locations) {
                    overwritten |= mask;
                    ((last_set[First + I] = where), ...);
                }
            } else {
                ((written & bit(First + I) ? overwrote(First + I, where) : first_write(First + I, where)), ...);
            }
        }(std::make_index_sequence<Count>{});
    }

    // Clears the record in place: a fresh `record{}` would build and destroy
    // a ranking of 25 strings, and give back the strings' capacity.
    void reset() {
        metrics.graph_breaks = 0;
        metrics.compile_ms = metrics.a = metrics.b = metrics.c = metrics.d = 0;
        metrics.kernel.clear();
        metrics.guards.clear();
        metrics.features.clear();
        metrics.slowest.clear();
        metrics.compile_time_us = 0;
        metrics.w = {};
        for (std::string& s : metrics.s) s.clear();
        metrics.present = 0;
        overwritten = 0;
    }
    void begin() {
        reset();
        span_count = dropped_spans = 0;
        if constexpr (Locations) {
            start_ns = tmx::system_clock_ns();
            exceptions_at_entry = std::uncaught_exceptions();
        }
    }
    void end() noexcept {
        bool const unwinding = Locations && std::uncaught_exceptions() > exceptions_at_entry;
        std::int64_t const end_ns = Locations ? tmx::system_clock_ns() : 0;
        try {
            on_exit(exit_info{start_ns, end_ns, metrics, unwinding});
        } catch (...) {
            // Reported to an error hook in the library; dropped here.
        }
    }
    struct scope {
        hand_written* self;
        [[gnu::always_inline]] explicit scope(hand_written* h) : self{h} {
            if (self->depth++ == 0) self->begin();
        }
        scope(scope const&) = delete;
        scope& operator=(scope const&) = delete;
        [[gnu::always_inline]] ~scope() {
            if (--self->depth == 0) self->end();
        }
    };
    [[gnu::always_inline]] scope enter() { return scope{this}; }

    [[gnu::always_inline]] void increment(std::int64_t v) {
        require_scope();
        metrics.graph_breaks += v;
        metrics.present |= bit(graph_breaks);
    }
    [[gnu::always_inline]] void set(double v, site where = {__builtin_FILE(), __builtin_LINE()}) {
        will_write(compile_ms, true, where);
        metrics.compile_ms = v;
    }
    [[gnu::always_inline]] void update4(double v, site where = {__builtin_FILE(), __builtin_LINE()}) {
        will_update<a, 4>(true, where);
        metrics.a = metrics.b = metrics.c = metrics.d = v;
    }
    [[gnu::always_inline]] void set_string(std::string_view v, site where = {__builtin_FILE(), __builtin_LINE()}) {
        will_write(kernel, true, where);
        metrics.kernel.assign(v);
    }
    template <std::size_t I>
    [[gnu::always_inline]] void set_first(double v, site where = {__builtin_FILE(), __builtin_LINE()}) {
        will_write(w0 + I, false, where);
        metrics.w[I] = v;
    }
    template <std::size_t I>
    [[gnu::always_inline]] void update4_first(double v, site where = {__builtin_FILE(), __builtin_LINE()}) {
        will_update<w0 + 4 * I, 4>(false, where);
        metrics.w[4 * I] = metrics.w[4 * I + 1] = metrics.w[4 * I + 2] = metrics.w[4 * I + 3] = v;
    }
    template <std::size_t I>
    [[gnu::always_inline]] void set_string_first(std::string_view v,
                                                 site where = {__builtin_FILE(), __builtin_LINE()}) {
        will_write(s0 + I, false, where);
        metrics.s[I].assign(v);
    }
    [[gnu::always_inline]] void add_to_set(std::string_view v) {
        require_scope();
        auto const at = metrics.guards.lower_bound(v);
        if (at == metrics.guards.end() || *at != v) metrics.guards.emplace_hint(at, v);
        metrics.present |= bit(guards);
    }
    [[gnu::always_inline]] void set_key_value(std::string_view k, bool v) {
        require_scope();
        auto const at = metrics.features.lower_bound(k);
        if (at != metrics.features.end() && at->first == k) {
            at->second = v;
        } else {
            metrics.features.emplace_hint(at, k, v);
        }
        metrics.present |= bit(features);
    }
    [[gnu::always_inline]] void add_top_n(std::string_view k, std::int64_t v) {
        if (depth == 0) return;
        metrics.slowest.add(k, v);
        metrics.present |= bit(slowest);
    }

    // A timer: two reads of the monotonic clock and an addition; `Traced`,
    // a span too, into an array of a batch's size, counted as dropped when full.
    struct span {
        std::string_view name;
        std::int64_t start_ns, duration_ns;
        int depth;
        std::uint64_t thread;
    };
    std::array<span, batch> spans;
    std::size_t span_count = 0, dropped_spans = 0;
    template <bool Traced>
    struct timer_scope {
        hand_written* self;
        std::int64_t start_ns;
        int depth;
        [[gnu::always_inline]] ~timer_scope() {
            std::int64_t const elapsed = tmx::steady_clock_ns() - start_ns;
            self->metrics.compile_time_us += elapsed / 1000;
            self->metrics.present |= bit(compile_time);
            if constexpr (Traced) {
                if (self->span_count < self->spans.size()) {
                    self->spans[self->span_count++] = {"compile_time", start_ns, elapsed, depth, tmx::thread_number()};
                } else {
                    ++self->dropped_spans;
                }
            }
        }
    };
    [[gnu::always_inline]] timer_scope<false> timer() {
        require_scope();
        return {this, tmx::steady_clock_ns(), depth};
    }
    [[gnu::always_inline]] timer_scope<true> traced_timer() {
        require_scope();
        return {this, tmx::steady_clock_ns(), depth};
    }
};

// --- PyTorch's MetricsContext, ported to a map of variants ---

struct map_port {
    using ranking = tmx::top_n<std::string, std::int64_t, ranking_size>;
    using value =
        std::variant<std::int64_t, double, std::string, std::set<std::string>, std::map<std::string, bool>, ranking>;
    std::unordered_map<std::string, value> metrics;
    int depth = 0;
    std::function<void(std::unordered_map<std::string, value> const&)> on_exit = [](auto const& m) {
        benchmark::DoNotOptimize(m.size());
    };

    [[noreturn, gnu::cold, gnu::noinline]] static void outside(std::string const& metric) {
        throw std::runtime_error("Cannot record " + metric + " outside of a MetricsContext");
    }
    void require_scope(std::string const& metric) const {
        if (depth == 0) [[unlikely]]
            outside(metric);
    }
    template <class T>
    T& slot(std::string const& metric) {
        return std::get<T>(metrics.try_emplace(metric, T{}).first->second);
    }

    struct scope {
        map_port* self;
        explicit scope(map_port* m) : self{m} {
            if (self->depth++ == 0) {
                self->metrics.clear();
                self->events.clear();
            }
        }
        scope(scope const&) = delete;
        scope& operator=(scope const&) = delete;
        ~scope() {
            if (--self->depth == 0) self->on_exit(self->metrics);
        }
    };
    scope enter() { return scope{this}; }

    void increment(std::int64_t v) {
        std::string const metric = "graph_breaks";
        require_scope(metric);
        slot<std::int64_t>(metric) += v;
    }
    template <class T>
    void set_value(std::string const& metric, T v, bool overwrite) {
        require_scope(metric);
        if (!overwrite && metrics.contains(metric)) throw std::runtime_error("already been set");
        metrics[metric] = std::move(v);
    }
    void set(double v) { set_value("compile_ms", v, true); }
    template <class T>
    void update_values(std::initializer_list<std::pair<std::string, T>> values, bool overwrite) {
        for (auto const& [metric, x] : values) require_scope(metric);
        if (!overwrite) {
            for (auto const& [metric, x] : values) {
                if (metrics.contains(metric)) throw std::runtime_error("already been set");
            }
        }
        for (auto const& [metric, x] : values) metrics[metric] = x;
    }
    void update4(double v) { update_values<double>({{"a", v}, {"b", v}, {"c", v}, {"d", v}}, true); }
    void set_string(char const* v) { set_value("kernel", std::string(v), true); }
    template <std::size_t I>
    void set_first(double v) {
        set_value(double_names[I].chars, v, false);
    }
    template <std::size_t I>
    void update4_first(double v) {
        update_values<double>({{double_names[4 * I].chars, v},
                               {double_names[4 * I + 1].chars, v},
                               {double_names[4 * I + 2].chars, v},
                               {double_names[4 * I + 3].chars, v}},
                              false);
    }
    template <std::size_t I>
    void set_string_first(char const* v) {
        set_value(string_names[I].chars, std::string(v), false);
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

    // A timer adds to its entry; traced, it appends an event, as PyTorch's
    // dynamo_timed logs one per region.
    struct event {
        std::string name;
        std::int64_t start_ns, duration_ns;
    };
    std::vector<event> events;
    struct timer_scope {
        map_port* self;
        bool traced;
        std::int64_t start_ns;
        ~timer_scope() {
            std::int64_t const elapsed = tmx::steady_clock_ns() - start_ns;
            self->slot<std::int64_t>("compile_time_us") += elapsed / 1000;
            if (traced) self->events.push_back({"compile_time", start_ns, elapsed});
        }
    };
    timer_scope timer() {
        require_scope("compile_time_us");
        return {this, false, tmx::steady_clock_ns()};
    }
    timer_scope traced_timer() {
        require_scope("compile_time_us");
        return {this, true, tmx::steady_clock_ns()};
    }
};

// --- the kernels: one batch each ---
//
// After every operation, a compiler barrier on the whole implementation
// (`DoNotOptimize` of a non-trivially-copyable object is an asm statement
// that reads and writes its memory): each operation loads and stores its
// state, as a call site among other code does, instead of keeping a counter
// or the presence bits in registers across the loop. The same in every column.

template <class Impl>
[[gnu::always_inline]] inline void barrier(Impl& m) {
    benchmark::DoNotOptimize(m);
}

template <class Impl, class Operation>
void repeat(Impl& m, Operation&& operation) {
    for (int i = 0; i < batch; ++i) {
        operation(i);
        barrier(m);
    }
}

// Inside one open scope: `batch` operations.
struct increment {
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [&](int) { m.increment(1); });
    }
};
// Overwrites: after the first batch the metric is present.
struct set {
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [&](int i) { m.set(i * 0.5); });
    }
};
struct update4 {
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [&](int i) { m.update4(i * 0.5); });
    }
};
template <names const& Table>
struct set_string {
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [&](int i) { m.set_string(Table[static_cast<std::size_t>(i) % 8]); });
    }
};
template <names const& Table>
struct add_to_set {
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [&](int i) { m.add_to_set(Table[static_cast<std::size_t>(i) % 8]); });
    }
};
template <names const& Table>
struct set_key_value {
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [&](int i) { m.set_key_value(Table[static_cast<std::size_t>(i) % 8], i % 2 == 0); });
    }
};
template <names const& Table>
struct add_top_n {
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [&](int i) { m.add_top_n(Table[static_cast<std::size_t>(i) % 8], i % 97); });
    }
};
// The loop and the barrier alone, to read the kernels above net of them.
struct empty_loop {
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [](int) {});
    }
};
struct nested_enter_exit {
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [&](int) {
            auto const inner = m.enter();
            barrier(m);
        });
    }
};

// A timer started and stopped, inside the open scope: two reads of the
// monotonic clock and an addition to a duration counter.
struct timer {
    template <class Impl>
    static void run(Impl& m) {
        // Inlined as at a call site: g++ otherwise leaves the lambda, a timer's
        // start and end, out of line, a call that a call site would not have.
        repeat(m, [&](int) __attribute__((always_inline)) { auto const t = m.timer(); });
    }
};

// Kernels that open their own outermost scopes: `batch` records.
struct clock_read {
    static constexpr bool opens_scopes = true;
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [](int) { benchmark::DoNotOptimize(tmx::system_clock_ns()); });
    }
};
// The timers' clock.
struct monotonic_clock_read {
    static constexpr bool opens_scopes = true;
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [](int) { benchmark::DoNotOptimize(tmx::steady_clock_ns()); });
    }
};
// A traced timer, which also keeps its span: a unit of work per batch, so
// that the batch's spans fit its capacity (the unit's enter and exit are
// then part of the figure, a thousandth each).
struct span {
    static constexpr bool opens_scopes = true;
    template <class Impl>
    static void run(Impl& m) {
        auto const unit = m.enter();
        repeat(m, [&](int) __attribute__((always_inline)) { auto const t = m.traced_timer(); });
    }
};
// A record holding one counter: enter, increment, exit (to on_exit).
struct enter_exit {
    static constexpr bool opens_scopes = true;
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [&](int) {
            auto const outer = m.enter();
            m.increment(1);
            barrier(m);
        });
    }
};
// First writes: `batch / fresh` records as enter_exit's, each given
// `Writes::per_record` first writes besides. The same kernel with
// `arguments_only<Writes>` computes the arguments and writes nothing: the
// first-write figures are net of it (instructions.py).
template <class Writes>
struct first_writes {
    static constexpr bool opens_scopes = true;
    template <class Impl>
    static void run(Impl& m) {
        for (int r = 0; r < batch / static_cast<int>(fresh); ++r) {
            auto const outer = m.enter();
            m.increment(1);
            barrier(m);
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                ((Writes::template write<I>(m, Writes::template argument<I>(r)), barrier(m)), ...);
            }(std::make_index_sequence<Writes::per_record>{});
        }
    }
};
template <class Writes>
struct arguments_only {
    static constexpr std::size_t per_record = Writes::per_record;
    template <std::size_t I>
    static auto argument(int r) {
        return Writes::template argument<I>(r);
    }
    template <std::size_t I, class Impl, class V>
    static void write(Impl&, V value) {
        benchmark::DoNotOptimize(value);
    }
};
struct double_argument {
    template <std::size_t I>
    static double argument(int r) {
        return r * 0.5;
    }
};
struct set_first_writes : double_argument {
    static constexpr std::size_t per_record = fresh;
    template <std::size_t I, class Impl>
    static void write(Impl& m, double v) {
        m.template set_first<I>(v);
    }
};
struct update4_first_writes : double_argument {
    static constexpr std::size_t per_record = fresh / 4;
    template <std::size_t I, class Impl>
    static void write(Impl& m, double v) {
        m.template update4_first<I>(v);
    }
};
struct set_string_first_writes {
    static constexpr std::size_t per_record = fresh;
    template <std::size_t I>
    static char const* argument(int r) {
        return long_ops[(I + static_cast<std::size_t>(r)) % 8];
    }
    template <std::size_t I, class Impl>
    static void write(Impl& m, char const* v) {
        m.template set_string_first<I>(v);
    }
};
// A whole unit of work: enter, 30 operations at two depths, exit to on_exit.
struct record30 {
    static constexpr bool opens_scopes = true;
    template <class Impl>
    static void run(Impl& m) {
        repeat(m, [&](int i) {
            auto const outer = m.enter();
            for (std::size_t k = 0; k < 3; ++k) {
                auto const phase = m.enter();
                auto const x = static_cast<double>(k);
                m.increment(1), barrier(m);
                m.increment(2), barrier(m);
                m.set(x * 1.5), barrier(m);
                m.update4(x * 0.5), barrier(m);
                m.add_to_set(short_guards[k]), barrier(m);
                m.add_to_set(short_guards[k + 3]), barrier(m);
                m.set_key_value(short_ops[k], true), barrier(m);
                m.add_top_n(short_ops[k], static_cast<std::int64_t>(k) * 10 + i % 7), barrier(m);
                m.add_top_n(short_ops[k + 4], static_cast<std::int64_t>(k)), barrier(m);
                m.increment(3), barrier(m);
            }
        });
    }
};

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
        for (auto _ : state) Kernel::run(implementation);
        state.SetItemsProcessed(state.iterations() * batch);
    });
}

// One warm-up batch, then one batch with callgrind collecting.
template <class Kernel, class Impl>
void count_kernel() {
    with_implementation<Kernel, Impl>([](Impl& implementation) {
        Kernel::run(implementation);
        CALLGRIND_TOGGLE_COLLECT;
        Kernel::run(implementation);
        CALLGRIND_TOGGLE_COLLECT;
    });
}

struct benchmark_case {
    std::string name;
    void (*time)(benchmark::State&);
    void (*count)();
};

template <class Kernel, class Library = library>
void add_cases(std::vector<benchmark_case>& cases, std::string const& kernel) {
    cases.push_back({kernel + "/library", &time_kernel<Kernel, Library>, &count_kernel<Kernel, Library>});
    cases.push_back(
        {kernel + "/struct", &time_kernel<Kernel, hand_written<true>>, &count_kernel<Kernel, hand_written<true>>});
    cases.push_back(
        {kernel + "/plain", &time_kernel<Kernel, hand_written<false>>, &count_kernel<Kernel, hand_written<false>>});
    cases.push_back({kernel + "/map", &time_kernel<Kernel, map_port>, &count_kernel<Kernel, map_port>});
}

std::vector<benchmark_case> all_cases() {
    std::vector<benchmark_case> cases;
    add_cases<empty_loop>(cases, "empty_loop");
    add_cases<increment>(cases, "increment");
    add_cases<set>(cases, "set");
    add_cases<first_writes<set_first_writes>>(cases, "set_first");
    add_cases<first_writes<arguments_only<set_first_writes>>>(cases, "set_first_base");
    add_cases<update4>(cases, "update4");
    add_cases<first_writes<update4_first_writes>>(cases, "update4_first");
    add_cases<first_writes<arguments_only<update4_first_writes>>>(cases, "update4_first_base");
    add_cases<set_string<short_ops>>(cases, "set_string");
    add_cases<set_string<long_ops>>(cases, "set_string_long");
    add_cases<first_writes<set_string_first_writes>>(cases, "set_string_first_long");
    add_cases<first_writes<arguments_only<set_string_first_writes>>>(cases, "set_string_first_long_base");
    add_cases<add_to_set<short_guards>>(cases, "add_to_set");
    add_cases<add_to_set<long_guards>>(cases, "add_to_set_long");
    add_cases<set_key_value<short_ops>>(cases, "set_key_value");
    add_cases<set_key_value<long_ops>>(cases, "set_key_value_long");
    add_cases<add_top_n<short_ops>>(cases, "add_top_n");
    add_cases<add_top_n<long_ops>>(cases, "add_top_n_long");
    add_cases<nested_enter_exit>(cases, "nested_enter_exit");
    add_cases<enter_exit>(cases, "enter_exit");
    add_cases<clock_read>(cases, "clock_read");
    add_cases<timer>(cases, "timer");
    add_cases<monotonic_clock_read>(cases, "monotonic_clock_read");
    add_cases<span, library_impl<true>>(cases, "span");
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
