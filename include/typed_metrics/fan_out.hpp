// SPDX-License-Identifier: BSL-1.0
// One record to several sinks.
#pragma once

#include <typed_metrics/exit_info.hpp>

#include <exception>
#include <tuple>
#include <utility>

namespace typed_metrics {

/// An `on_exit` callback calling each of `Sinks` in order with the same
/// `exit_info`: `tmx::fan_out(tmx::json_lines_sink(out), std::ref(history))`.
/// Each sink is kept by value (pass a sink that is not copyable, such as
/// `history` or `prometheus_aggregator`, through `std::ref`). What a sink
/// throws goes to the context's error hook (`exit_info::report_error`), as
/// an `on_exit` that throws does, and the sinks after it still run; a
/// fan-out never throws.
template <class... Sinks>
class fan_out {
public:
    explicit fan_out(Sinks... sinks) : sinks_{std::move(sinks)...} {}

    template <class Schema>
    void operator()(exit_info<Schema> const& exit) noexcept {
        std::apply([&](Sinks&... sink) { (call(sink, exit), ...); }, sinks_);
    }

private:
    template <class Sink, class Schema>
    static void call(Sink& sink, exit_info<Schema> const& exit) noexcept {
        try {
            sink(exit);
        } catch (...) {
            exit.report_error(std::current_exception());
        }
    }

    std::tuple<Sinks...> sinks_;
};

template <class... Sinks>
fan_out(Sinks...) -> fan_out<Sinks...>;

}  // namespace typed_metrics
