// SPDX-License-Identifier: BSL-1.0
// A schema with every JSON shape, shared by the exporter tests.
#pragma once

#include "fixture.hpp"

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace export_test {

// A user type: JSON shows its operator<< text.
struct version {
    int major = 0;
    int minor = 0;
    friend bool operator==(version const&, version const&) = default;
    friend auto operator<=>(version const&, version const&) = default;
    friend std::ostream& operator<<(std::ostream& out, version const& v) { return out << v.major << '.' << v.minor; }
};

using schema =
    tmx::schema<tmx::counter<"graph_breaks">, tmx::counter<"cache_bytes", std::uint64_t>,
                tmx::counter<"retries", signed char>, tmx::counter<"backend_compile", std::chrono::microseconds>,
                tmx::value<"backend", std::string>, tmx::value<"compile_ms", double>, tmx::value<"dynamic", bool>,
                tmx::value<"runtime", version>, tmx::set_of<"guards", std::string>,
                tmx::map_of<"feature_usage", std::string, bool>, tmx::map_of<"by_level", int, double>,
                tmx::top_n_of<"slowest_ops", std::string, std::int64_t, 2>>;

// Records one of everything, as on_exit receives it.
struct export_fixture : reporting_fixture<schema> {
    tmx::metrics_context<schema> context{[this](auto const& e) { keep(e); }, options()};

    tmx::record<schema> const& record_everything() {
        {
            auto const scope = context.enter();
            context.increment<"graph_breaks">(2);
            context.increment<"cache_bytes">(std::uint64_t{1} << 63);
            context.increment<"retries">(static_cast<signed char>(-3));
            context.increment<"backend_compile">(std::chrono::milliseconds{12});
            context.increment<"backend_compile">(std::chrono::microseconds{340});
            context.set<"backend">("inductor \"max\"\n");
            context.set<"compile_ms">(0.1);
            context.set<"dynamic">(true);
            context.set<"runtime">(version{3, 11});
            context.add_to_set<"guards">("shape");
            context.add_to_set<"guards">("dtype");
            context.set_key_value<"feature_usage">("dynamic_shapes", false);
            context.set_key_value<"by_level">(2, 0.5);
            context.set_key_value<"by_level">(-1, 1e300);
            context.add_top_n<"slowest_ops">("relu", 1);
            context.add_top_n<"slowest_ops">("matmul", 42);
            context.add_top_n<"slowest_ops">("conv", 7);
        }
        return exits.back().metrics;
    }

    // The JSON that record_everything's record must give.
    static constexpr char const* everything_json =
        R"({"graph_breaks":2,"cache_bytes":9223372036854775808,"retries":-3,"backend_compile":12340,)"
        R"("backend":"inductor \"max\"\n","compile_ms":0.1,"dynamic":true,"runtime":"3.11",)"
        R"("guards":["dtype","shape"],"feature_usage":{"dynamic_shapes":false},)"
        R"("by_level":{"-1":1e+300,"2":0.5},"slowest_ops":[["matmul",42],["conv",7]]})";
};

}  // namespace export_test
