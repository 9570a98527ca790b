// SPDX-License-Identifier: BSL-1.0
// Totals for Prometheus: sums counters over many records and renders the
// text exposition format, for a long-running service's /metrics.
#pragma once

#include <typed_metrics/detail/duration.hpp>
#include <typed_metrics/detail/hana.hpp>
#include <typed_metrics/detail/text_format.hpp>
#include <typed_metrics/error.hpp>
#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/metric.hpp>
#include <typed_metrics/schema.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace typed_metrics {
namespace detail {

// Calls `f(metric, index)` for each counter of `Schema`: its `hana::type` and
// its position in the schema.
template <class Schema, class F>
constexpr void for_each_counter(F&& f) {
    boost::hana::for_each(Schema::metrics(), [&](auto metric) {
        using tag = typename decltype(metric)::type;
        if constexpr (tag::kind == metric_kind::counter) f(metric, slot_t<typename Schema::storage, tag::name>::index);
    });
}

// A counter's value as Prometheus holds it: a float64, and a duration in
// seconds, the base unit of its naming conventions.
template <class T>
double exposed_value(T const& value) noexcept {
    if constexpr (chrono_duration<T>) {
        using period = typename T::period;
        return static_cast<double>(value.count()) * static_cast<double>(period::num) / static_cast<double>(period::den);
    } else {
        return static_cast<double>(value);
    }
}

}  // namespace detail

/// An `on_exit` callback that adds every record to running totals:
///
///     <prefix>_records_total{outcome="completed"|"failed"}   records, by whether the scope ended by an exception
///     <prefix>_duration_seconds_sum / _count                  a summary of the records' durations
///     <prefix>_<counter>_total                                each counter's sum over all records
///     <prefix>_<counter>_seconds_total                        a duration counter's sum, in seconds
///
/// `render()` gives them in the Prometheus text exposition format (0.0.4).
/// Thread-safe: contexts on many threads may report to one aggregator
/// (through `std::ref`, since it holds a lock and is not copyable). Counters
/// are exposed as Prometheus counters: a negative increment that lowers a
/// total is read by Prometheus as a reset.
template <class Schema>
class prometheus_aggregator {
    template <class Metric>
    static constexpr bool in_seconds = detail::chrono_duration<typename Metric::value_type>;

    // A plain counter `records` would be exposed as the records' count.
    static constexpr bool counter_named_records = [] {
        bool found = false;
        detail::for_each_counter<Schema>([&](auto metric, std::size_t) {
            using counter = typename decltype(metric)::type;
            found = found || (!in_seconds<counter> && counter::name.view() == "records");
        });
        return found;
    }();
    static_assert(
        !counter_named_records,
        "typed_metrics: prometheus_aggregator<Schema> requires no counter named 'records': its total would be <prefix>_records_total, the count of records");

    // A duration counter `x` is exposed as `x_seconds_total`, as a plain
    // counter `x_seconds` would be.
    static constexpr bool exposed_names_collide = [] {
        bool found = false;
        detail::for_each_counter<Schema>([&](auto duration, std::size_t) {
            if constexpr (in_seconds<typename decltype(duration)::type>) {
                std::string_view const seconds = decltype(duration)::type::name.view();
                detail::for_each_counter<Schema>([&](auto plain, std::size_t) {
                    std::string_view const name = decltype(plain)::type::name.view();
                    found =
                        found || (!in_seconds<typename decltype(plain)::type> && name.size() == seconds.size() + 8 &&
                                  name.starts_with(seconds) && name.ends_with("_seconds"));
                });
            }
        });
        return found;
    }();
    static_assert(
        !exposed_names_collide,
        "typed_metrics: prometheus_aggregator<Schema> requires no counter 'x_seconds' beside a duration counter 'x': both would be exposed as <prefix>_x_seconds_total");

public:
    /// `prefix` starts every exposed name; it must be an identifier.
    explicit prometheus_aggregator(std::string prefix = "typed_metrics") : prefix_(std::move(prefix)) {
        if (!detail::is_identifier(prefix_)) {
            throw std::invalid_argument("typed_metrics: a Prometheus prefix must be an identifier, got '" + prefix_ +
                                        "'");
        }
    }

    prometheus_aggregator(prometheus_aggregator const&) = delete;
    prometheus_aggregator& operator=(prometheus_aggregator const&) = delete;

    /// Adds one record: the `on_exit` signature. A record whose duration
    /// would overflow the durations' sum (exact nanoseconds in an
    /// `std::int64_t`) is refused whole: it throws `metrics_error` (which the
    /// context hands to `on_error`) and no total changes. Counter totals are
    /// float64, as Prometheus stores samples: exact to 2^53, then rounded.
    void operator()(exit_info<Schema> const& info) {
        std::lock_guard const hold(lock_);
        std::int64_t duration = 0;
        std::int64_t total = 0;
        if (__builtin_sub_overflow(info.end_ns, info.start_ns, &duration) ||
            __builtin_add_overflow(duration_ns_, duration, &total)) [[unlikely]] {
            std::string message("Cannot add a record to ");
            message.append(prefix_).append("_duration_seconds_sum: its nanoseconds would overflow an std::int64_t");
            throw metrics_error(message);
        }
        ++(info.unwinding ? failed_ : completed_);
        duration_ns_ = total;
        detail::for_each_counter<Schema>([&](auto metric, std::size_t index) {
            if (auto const value = info.metrics.template get<decltype(metric)::type::name>()) {
                totals_[index] += detail::exposed_value(*value);
            }
        });
    }

    /// The totals so far, in the Prometheus text exposition format.
    std::string render() const {
        std::lock_guard const hold(lock_);
        std::string text;
        auto const family = [&](std::string_view name, std::string_view type, std::string_view help) {
            text.append("# HELP ").append(prefix_).append(name).append(" ").append(help).append("\n");
            text.append("# TYPE ").append(prefix_).append(name).append(" ").append(type).append("\n");
        };
        auto const sample = [&](std::string_view name, auto value) {
            text.append(prefix_).append(name).append(" ");
            if constexpr (std::is_floating_point_v<decltype(value)>) {
                if (!std::isfinite(value)) {  // the exposition format's spellings
                    text.append(std::isnan(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf").append("\n");
                    return;
                }
            }
            detail::append_number(text, value);
            text += '\n';
        };
        family("_records_total", "counter", "Records reported (outermost exits), by whether an exception ended them.");
        sample("_records_total{outcome=\"completed\"}", completed_);
        sample("_records_total{outcome=\"failed\"}", failed_);
        family("_duration_seconds", "summary", "Time from the outermost enter to its exit.");
        sample("_duration_seconds_sum", static_cast<double>(duration_ns_) / 1e9);
        sample("_duration_seconds_count", completed_ + failed_);
        detail::for_each_counter<Schema>([&](auto metric, std::size_t index) {
            using metric_type = typename decltype(metric)::type;
            std::string_view const counter = metric_type::name.view();
            // Appended piece by piece: g++ 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string.
            std::string name = "_";
            name.append(counter).append(in_seconds<metric_type> ? "_seconds_total" : "_total");
            std::string help = "Sum of the counter ";
            help.append(counter).append(in_seconds<metric_type> ? " over all records, in seconds."
                                                                : " over all records.");
            family(name, "counter", help);
            sample(name, totals_[index]);
        });
        return text;
    }

private:
    std::string prefix_;
    mutable std::mutex lock_;
    std::uint64_t completed_ = 0;
    std::uint64_t failed_ = 0;
    std::int64_t duration_ns_ = 0;
    std::array<double, Schema::size> totals_{};  // indexed by schema position; only counters' are used
};

}  // namespace typed_metrics
