// SPDX-License-Identifier: BSL-1.0
// A reference model of the semantics table in docs/semantics.md, written
// independently of the library (string keys, std containers, no Hana), and a
// runner that applies the same operation to both and reports the first
// divergence. Used by tests/runtime/test_model.cpp (random sequences) and
// tests/fuzz/ (sequences decoded from bytes).
#pragma once

#include <typed_metrics/typed_metrics.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace model_test {

namespace tmx = typed_metrics;

// ---------------------------------------------------------------- the model

using ranking = std::vector<std::pair<int, int>>;  // (value, key) pairs, as Python's heap holds them
using model_value = std::variant<std::int64_t, int, std::set<int>, std::map<int, int>, ranking>;
using model_record = std::map<std::string, model_value>;

enum class outcome { done, outside, already_set };

// A timer, as the model sees it: the unit of work it started in, and when.
struct model_timer {
    std::uint64_t unit;
    std::int64_t start_ns;
};

struct model {
    static constexpr std::size_t top_capacity = 3;
    int depth = 0;
    std::uint64_t unit = 0;  // a new one at each outermost enter and exit
    model_record metrics;
    std::vector<std::pair<model_record, bool>> exits;  // record, ended by an exception
    int added_timers = 0;                              // ended in their unit of work: their time added
    int dropped_timers = 0;                            // ended after their unit of work: reported, nothing added

    bool inside() const { return depth > 0; }
    void enter() {
        if (depth++ == 0) {
            metrics.clear();
            ++unit;
        }
    }
    void exit(bool exception) {
        if (--depth == 0) {
            ++unit;
            exits.emplace_back(metrics, exception);
        }
    }
    std::optional<model_timer> start_timer(std::int64_t now_ns) const {
        if (!inside()) return std::nullopt;
        return model_timer{unit, now_ns};
    }
    // Adds the elapsed microseconds, truncated, to the unit the timer started
    // in, if that unit is still open.
    void stop_timer(model_timer const& timer, std::int64_t now_ns) {
        if (timer.unit != unit) {
            ++dropped_timers;
            return;
        }
        ++added_timers;
        increment("d0", (now_ns - timer.start_ns) / 1000);
    }
    outcome increment(std::string const& k, std::int64_t v) {
        if (!inside()) return outcome::outside;
        auto [it, inserted] = metrics.try_emplace(k, std::int64_t{0});
        std::get<std::int64_t>(it->second) += v;
        return outcome::done;
    }
    outcome update(std::vector<std::pair<std::string, int>> const& values, bool overwrite) {
        if (!inside()) return outcome::outside;
        if (!overwrite) {
            for (auto const& [k, v] : values) {
                if (metrics.contains(k)) return outcome::already_set;
            }
        }
        for (auto const& [k, v] : values) metrics[k] = v;
        return outcome::done;
    }
    outcome update_outer(std::vector<std::pair<std::string, int>> const& values, bool overwrite) {
        if (!inside()) return outcome::outside;
        return depth == 1 ? update(values, overwrite) : outcome::done;
    }
    outcome add_to_set(std::string const& k, int v) {
        if (!inside()) return outcome::outside;
        std::get<std::set<int>>(metrics.try_emplace(k, std::set<int>{}).first->second).insert(v);
        return outcome::done;
    }
    outcome set_key_value(std::string const& k, int key, int v) {
        if (!inside()) return outcome::outside;
        std::get<std::map<int, int>>(metrics.try_emplace(k, std::map<int, int>{}).first->second)[key] = v;
        return outcome::done;
    }
    outcome add_top_n(std::string const& k, int key, int v) {
        if (!inside()) return outcome::done;  // a silent no-op outside
        auto& heap = std::get<ranking>(metrics.try_emplace(k, ranking{}).first->second);
        // heapq.heappush below capacity, heapq.heappushpop at it.
        heap.emplace_back(v, key);
        if (heap.size() > top_capacity) heap.erase(std::min_element(heap.begin(), heap.end()));
        return outcome::done;
    }
};

// ------------------------------------------------------------ the library

struct model_schema
    : tmx::schema<tmx::counter<"c0">, tmx::counter<"c1">, tmx::value<"v0", int>, tmx::value<"v1", int>,
                  tmx::value<"v2", int>, tmx::set_of<"s0", int>, tmx::map_of<"m0", int, int>,
                  tmx::top_n_of<"t0", int, int, model::top_capacity>, tmx::counter<"d0", std::chrono::microseconds>> {};

// The timers' monotonic clock, which the runner moves forward: one per
// thread, as each thread runs its own sequence.
inline thread_local std::int64_t model_now_ns = 0;
inline std::int64_t model_clock() noexcept {
    return model_now_ns;
}

// The library's record in the model's terms.
inline model_record to_model(tmx::record<model_schema> const& r) {
    model_record out;
    r.for_each([&](std::string_view name, auto const& value) {
        using T = std::remove_cvref_t<decltype(value)>;
        if constexpr (std::is_same_v<T, tmx::top_n<int, int, model::top_capacity>>) {
            ranking entries;
            for (auto const& [key, v] : value) entries.emplace_back(v, key);
            out.emplace(name, entries);
        } else if constexpr (requires { typename T::mapped_type; }) {  // the model's map need not share its comparator
            out.emplace(name, std::map<int, int>(value.begin(), value.end()));
        } else if constexpr (requires { typename T::key_compare; }) {
            out.emplace(name, std::set<int>(value.begin(), value.end()));
        } else if constexpr (std::is_same_v<T, std::chrono::microseconds>) {
            out.emplace(name, std::int64_t{value.count()});
        } else {
            out.emplace(name, value);
        }
    });
    return out;
}

// The model's ranking, in the order the library iterates (largest first).
inline model_record normalized(model_record r) {
    for (auto& [name, value] : r) {
        if (auto* heap = std::get_if<ranking>(&value)) std::sort(heap->rbegin(), heap->rend());
    }
    return r;
}

template <class F>
outcome outcome_of(F&& f) {
    try {
        f();
        return outcome::done;
    } catch (tmx::metrics_error const& e) {
        std::string const message = e.what();
        if (message.find("outside of a MetricsContext") != std::string::npos) return outcome::outside;
        if (message.find("already been set") != std::string::npos) return outcome::already_set;
        throw;
    }
}

inline std::string const counters[] = {"c0", "c1"};
inline std::string const values[] = {"v0", "v1", "v2"};

// Applies one operation at a time to the library and to the model. Choices
// come from a seeded generator, or from bytes (the fuzzer's input; 0 once
// they run out). Now and then on_exit itself runs a sequence of operations
// on the context, nested scopes included, as instrumented code called from
// a sink would: the units of work it opens are compared like any other, and
// the record it was handed must read the same when it returns. Timers start
// and end in any order, from on_exit too: the time goes to the unit of work a
// timer started in, or is reported to the error hook when that unit ended.
struct run {
    using scope_stack = std::vector<tmx::metrics_context<model_schema>::scope>;
    using timer = tmx::metrics_context<model_schema>::timer<"d0">;
    static constexpr std::size_t timer_slots = 4;
    static constexpr int max_reporting_depth = 2;  // on_exit inside on_exit inside on_exit at most

    std::mt19937 random;
    std::optional<std::span<std::uint8_t const>> bytes;
    model reference;
    std::vector<std::pair<model_record, bool>> exits;
    std::size_t exits_compared = 0;
    int reporting_depth = 0;
    std::string divergence_in_on_exit;
    int dropped_timers = 0;  // reported to the error hook
    tmx::metrics_context<model_schema> context{
        [this](tmx::exit_info<model_schema> const& e) { on_exit(e); },
        tmx::context_options{.on_error = [this](std::exception_ptr error) { on_error(error); },
                             .monotonic_clock = &model_clock}};
    scope_stack scopes;
    // Destroyed before the context, whose timers they are.
    std::array<std::optional<std::pair<timer, model_timer>>, timer_slots> timers;

    explicit run(unsigned seed) : random{seed} {}
    explicit run(std::span<std::uint8_t const> input) : bytes{input} {}

    bool exhausted() const { return bytes && bytes->empty(); }

    void on_exit(tmx::exit_info<model_schema> const& e) {
        exits.emplace_back(to_model(e.metrics), e.exception != nullptr);
        if (reporting_depth == max_reporting_depth || pick(4) != 0) return;
        model_record const reported = exits.back().first;
        ++reporting_depth;
        scope_stack own_scopes;
        for (int i = 1 + pick(12); i > 0; --i) note_divergence(step(own_scopes));
        while (!own_scopes.empty()) {  // innermost first, as the scopes of a body end
            reference.exit(false);
            own_scopes.pop_back();
        }
        note_divergence(compare_exits());
        --reporting_depth;
        if (to_model(e.metrics) != reported) note_divergence("the record on_exit reads changed while it ran");
    }

    void on_error(std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (tmx::metrics_error const& e) {
            if (std::string_view{e.what()} == "Cannot add a timer's time to d0: its unit of work ended before it") {
                ++dropped_timers;
                return;
            }
            note_divergence(std::string("unexpected report: ") + e.what());
        } catch (...) {
            note_divergence("unexpected report");
        }
    }

    void note_divergence(std::string const& divergence) {
        if (divergence.empty() || !divergence_in_on_exit.empty()) return;
        divergence_in_on_exit = divergence.starts_with("in on_exit: ") ? divergence : "in on_exit: " + divergence;
    }

    // Every on_exit payload since the last comparison against the model's.
    std::string compare_exits() {
        if (exits.size() != reference.exits.size()) return "number of on_exit calls differs";
        for (; exits_compared < exits.size(); ++exits_compared) {
            auto const& [record, exception] = exits[exits_compared];
            auto const& [model_metrics, model_exception] = reference.exits[exits_compared];
            if (record != normalized(model_metrics)) return "on_exit record differs";
            if (exception != model_exception) return "on_exit exception differs";
        }
        return "";
    }

    int pick(int n) {
        if (!bytes) return std::uniform_int_distribution<int>{0, n - 1}(random);
        if (bytes->empty()) return 0;
        int const choice = bytes->front() % n;
        *bytes = bytes->subspan(1);
        return choice;
    }

    // One named value argument, for update: `tmx::arg<"v0"> = x` and so on.
    template <class F>
    void with_value_args(std::vector<std::pair<std::string, int>> const& chosen, F&& f) {
        auto value_of = [&](std::string const& name) {
            for (auto const& [k, v] : chosen) {
                if (k == name) return std::optional<int>{v};
            }
            return std::optional<int>{};
        };
        auto const a = value_of("v0"), b = value_of("v1"), c = value_of("v2");
        // Every non-empty subset, in a fixed order.
        if (a && b && c)
            f(tmx::arg<"v0"> = *a, tmx::arg<"v1"> = *b, tmx::arg<"v2"> = *c);
        else if (a && b)
            f(tmx::arg<"v0"> = *a, tmx::arg<"v1"> = *b);
        else if (a && c)
            f(tmx::arg<"v0"> = *a, tmx::arg<"v2"> = *c);
        else if (b && c)
            f(tmx::arg<"v1"> = *b, tmx::arg<"v2"> = *c);
        else if (a)
            f(tmx::arg<"v0"> = *a);
        else if (b)
            f(tmx::arg<"v1"> = *b);
        else
            f(tmx::arg<"v2"> = *c);
    }

    std::vector<std::pair<std::string, int>> random_values() {
        std::vector<std::pair<std::string, int>> chosen;
        int const mask = 1 + pick(7);
        for (int i = 0; i < 3; ++i) {
            if (mask & (1 << i)) chosen.emplace_back(values[i], pick(100));
        }
        return chosen;
    }

    // Runs one random operation on both; returns a description of a divergence, or "".
    std::string step() { return step(scopes); }

    std::string step(scope_stack& open_scopes) {
        int const op = pick(13);
        outcome expected = outcome::done;
        outcome actual = outcome::done;
        switch (op) {
            case 0:
                if (open_scopes.size() < 4) {
                    reference.enter();
                    open_scopes.push_back(context.enter());
                }
                break;
            case 1:
                if (!open_scopes.empty()) {
                    reference.exit(false);
                    open_scopes.pop_back();
                }
                break;
            case 2: {
                int const which = pick(2);
                std::int64_t const v = pick(10) - 3;
                expected = reference.increment(counters[which], v);
                actual = outcome_of([&] {
                    if (which == 0)
                        context.increment<"c0">(v);
                    else
                        context.increment<"c1">(v);
                });
                break;
            }
            case 3:
            case 4: {
                bool const overwrite = op == 4;
                int const which = pick(3), v = pick(100);
                expected = reference.update({{values[which], v}}, overwrite);
                actual = outcome_of([&] {
                    if (which == 0)
                        overwrite ? context.set<"v0">(tmx::overwrite, v) : context.set<"v0">(v);
                    else if (which == 1)
                        overwrite ? context.set<"v1">(tmx::overwrite, v) : context.set<"v1">(v);
                    else
                        overwrite ? context.set<"v2">(tmx::overwrite, v) : context.set<"v2">(v);
                });
                break;
            }
            case 5:
            case 6: {
                bool const overwrite = pick(2) == 1;
                bool const outer = op == 6;
                auto const chosen = random_values();
                expected = outer ? reference.update_outer(chosen, overwrite) : reference.update(chosen, overwrite);
                actual = outcome_of([&] {
                    with_value_args(chosen, [&](auto&&... args) {
                        if (outer)
                            overwrite ? context.update_outer(tmx::overwrite, args...) : context.update_outer(args...);
                        else
                            overwrite ? context.update(tmx::overwrite, args...) : context.update(args...);
                    });
                });
                break;
            }
            case 7: {
                int const v = pick(6);
                expected = reference.add_to_set("s0", v);
                actual = outcome_of([&] { context.add_to_set<"s0">(v); });
                break;
            }
            case 8: {
                int const key = pick(4), v = pick(50);
                expected = reference.set_key_value("m0", key, v);
                actual = outcome_of([&] { context.set_key_value<"m0">(key, v); });
                break;
            }
            case 9: {
                int const key = pick(5), v = pick(8);
                expected = reference.add_top_n("t0", key, v);
                actual = outcome_of([&] { context.add_top_n<"t0">(key, v); });
                break;
            }
            case 10:
                if (context.in_progress() != reference.inside()) return "in_progress differs";
                break;
            case 11: {
                // A body that records, then throws out of its scope.
                reference.enter();
                expected = reference.increment("c0", 1);
                reference.exit(true);
                actual = outcome::done;
                try {
                    context.run([&] {
                        context.increment<"c0">(1);
                        throw std::runtime_error("body failed");
                    });
                } catch (std::runtime_error const&) {
                }
                break;
            }
            case 12: {
                // The clock moves, then a timer starts in an empty slot, or the one there ends.
                model_now_ns += pick(3000);
                auto& held = timers[static_cast<std::size_t>(pick(timer_slots))];
                if (held) {
                    reference.stop_timer(held->second, model_now_ns);
                    held.reset();
                } else {
                    std::optional<model_timer> const started = reference.start_timer(model_now_ns);
                    expected = started ? outcome::done : outcome::outside;
                    actual = outcome_of([&] { held.emplace(context.timed<"d0">(), started.value_or(model_timer{})); });
                }
                break;
            }
        }
        if (!divergence_in_on_exit.empty()) return std::exchange(divergence_in_on_exit, "");
        if (expected != actual) return "outcome differs";
        if (dropped_timers != reference.dropped_timers) return "reports of timers that outlived their unit differ";
        if (context.in_progress() != reference.inside()) return "depth differs";
        return compare_exits();
    }
};

}  // namespace model_test
