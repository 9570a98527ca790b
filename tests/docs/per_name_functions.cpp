// SPDX-License-Identifier: BSL-1.0
// Every operation, called once, for per_name_functions.py to list the
// functions each instantiates per metric name.
#include <typed_metrics/typed_metrics.hpp>

#include <chrono>
#include <cstdint>
#include <string>

namespace tmx = typed_metrics;

struct names_schema
    : tmx::schema<tmx::counter<"a_counter">, tmx::value<"a_value", std::string>, tmx::value<"another_value", double>,
                  tmx::set_of<"a_set", std::string>, tmx::map_of<"a_map", std::string, bool>,
                  tmx::top_n_of<"a_ranking", std::string, std::int64_t, 3>,
                  tmx::counter<"a_duration", std::chrono::microseconds>> {};

void record_everything(tmx::metrics_context<names_schema>& context,
                       tmx::runtime_metrics_context<names_schema>& runtime) {
    auto const scope = context.enter();
    context.increment<"a_counter">(1);
    context.set<"a_value">("x");
    context.set<"a_value">(tmx::overwrite, "y");
    context.update(tmx::arg<"another_value"> = 1.0);
    context.update(tmx::overwrite, tmx::arg<"another_value"> = 2.0, tmx::arg<"a_value"> = "z");
    context.update_outer(tmx::arg<"another_value"> = 3.0);
    context.add_to_set<"a_set">("element");
    context.set_key_value<"a_map">("key", true);
    context.add_top_n<"a_ranking">("key", 1);
    runtime.increment<"a_counter">(1, tmx::arg<"a_value"> = "extra");
    context.increment<"a_duration">(std::chrono::milliseconds{1});
    auto const timer = context.timed<"a_duration">();
    auto const runtime_timer = runtime.timed<"a_duration">();
}

bool read_everything(tmx::record<names_schema> const& record) {
    return record.contains<"a_counter">() && record.get<"a_value">() && tmx::contains<"a_set">(record) &&
           tmx::get<"a_map">(record);
}
