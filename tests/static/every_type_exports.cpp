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

#include <compare>
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

// Compiled, never run: compiling is the test.
std::string export_every_accepted_type() {
    return export_all(accepted_types{});
}

}  // namespace every_type_exports
