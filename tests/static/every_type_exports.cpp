// SPDX-License-Identifier: BSL-1.0
// A type that the schema accepts never fails to compile in the library:
// every operation and every export is compiled here for a schema of each
// category of type that the schema accepts. This file passes by compiling;
// a type the schema starts to accept belongs in `accepted_types` below.
#include <typed_metrics/typed_metrics.hpp>

#include <typed_metrics/fmt.hpp>
#include <typed_metrics/json.hpp>
#include <typed_metrics/json_schema.hpp>
#include <typed_metrics/nlohmann_json.hpp>
#include <typed_metrics/prometheus.hpp>

#include <chrono>
#include <compare>
#include <cstdint>
#include <functional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace tmx = typed_metrics;

namespace every_type_exports {

// A user type printed by its operator<< (JSON: that text, as a string).
struct version {
    int major = 0;
    friend bool operator==(version const&, version const&) = default;
    friend auto operator<=>(version const&, version const&) = default;
    friend std::ostream& operator<<(std::ostream& out, version const& v) { return out << 'v' << v.major; }
};

// A user type that owns its text and converts to std::string_view (JSON: a string).
struct label {
    std::string text;
    operator std::string_view() const noexcept { return text; }
    friend bool operator==(label const&, label const&) = default;
    friend auto operator<=>(label const&, label const&) = default;
};

// An enumeration printed as its number, where <ostream> is included.
enum level { low, high };

template <class... Types>
struct type_list {};

using accepted_types = type_list<bool, char, signed char, unsigned char, wchar_t, char8_t, char16_t, char32_t, short,
                                 unsigned short, int, unsigned, long, unsigned long, long long, unsigned long long,
                                 float, double, std::string, version, label, level>;

// Every kind of metric that can hold a `T`.
template <class T>
using schema_of =
    std::conditional_t<std::is_arithmetic_v<T> && !std::is_same_v<T, bool>,
                       tmx::schema<tmx::counter<"counter", T>, tmx::value<"value", T>, tmx::set_of<"set", T>,
                                   tmx::map_of<"map", T, T>, tmx::top_n_of<"top_n", T, T, 2>>,
                       tmx::schema<tmx::value<"value", T>, tmx::set_of<"set", T>, tmx::map_of<"map", T, T>,
                                   tmx::top_n_of<"top_n", T, T, 2>>>;

// Records one of each, then writes the record every way there is.
template <class T>
std::string record_and_export() {
    using schema = schema_of<T>;
    static_assert(tmx::valid_metric<tmx::value<"value", T>>);
    tmx::prometheus_aggregator<schema> totals;
    std::ostringstream lines;
    tmx::json_lines_sink const sink{lines};
    std::string out;
    tmx::metrics_context<schema> context{[&](tmx::exit_info<schema> const& exit) {
        std::ostringstream printed;
        printed << exit.metrics;
        nlohmann::json const json = exit.metrics;
        nlohmann::ordered_json const ordered = exit.metrics;
        out += printed.str() + tmx::to_json(exit.metrics) + json.dump() + ordered.dump() +
               fmt::format("{} {:j}", exit.metrics, exit.metrics);
        sink(exit);
        totals(exit);
    }};
    {
        auto const scope = context.enter();
        if constexpr (tmx::declared_metric<schema, "counter">) context.template increment<"counter">(T{});
        context.template set<"value">(T{});
        context.template add_to_set<"set">(T{});
        context.template set_key_value<"map">(T{}, T{});
        context.template add_top_n<"top_n">(T{}, T{});
    }
    return out + lines.str() + tmx::json_schema<schema>() + totals.render();
}

template <class... Types>
std::string export_all(type_list<Types...>) {
    return (record_and_export<Types>() + ...);
}

// Durations are counters only, of every unit the schema accepts, with an
// integer or a floating count; each is incremented, timed in both contexts
// and exported.
template <class... Durations>
std::string export_durations(type_list<Durations...>) {
    return (... + [] {
        using one = tmx::schema<tmx::counter<"counter", Durations>>;
        static_assert(tmx::can_time<one, "counter">);
        tmx::prometheus_aggregator<one> totals;
        std::string out;
        tmx::metrics_context<one> context{[&](tmx::exit_info<one> const& exit) {
            std::ostringstream printed;
            printed << exit.metrics;
            nlohmann::json const json = exit.metrics;
            out += printed.str() + tmx::to_json(exit.metrics) + json.dump() +
                   fmt::format("{} {:j}", exit.metrics, exit.metrics);
            totals(exit);
        }};
        tmx::runtime_metrics_context<one> runtime{nullptr};
        {
            auto const scope = context.enter();
            context.template increment<"counter">(Durations{});
            auto const timer = context.template timed<"counter">();
            auto const runtime_timer = runtime.template timed<"counter">();
            runtime.template increment<"counter">(Durations{});
        }
        return out + tmx::json_schema<one>() + totals.render();
    }());
}

using accepted_durations =
    type_list<std::chrono::nanoseconds, std::chrono::microseconds, std::chrono::milliseconds, std::chrono::seconds,
              std::chrono::minutes, std::chrono::hours, std::chrono::duration<double>,
              std::chrono::duration<float, std::milli>, std::chrono::duration<std::uint32_t, std::micro>>;

// Compiled, never run: compiling is the test.
std::string export_every_accepted_type() {
    return export_all(accepted_types{}) + export_durations(accepted_durations{});
}

}  // namespace every_type_exports
