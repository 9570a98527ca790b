// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/arg.hpp>
#include <typed_metrics/checks.hpp>
#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/options.hpp>
#include <typed_metrics/record.hpp>

#include <cstdint>
#include <functional>
#include <utility>

namespace typed_metrics {

/// Metrics gathered at run time outside any unit of work, without scopes:
/// recording starts the clock, `finish()` hands the record to `on_exit` and
/// starts over. Used by one thread at a time, like `metrics_context`.
template <class Schema>
class runtime_metrics_context {
    using access = detail::record_access;

public:
    using schema_type = Schema;
    using on_exit_fn = std::function<void(exit_info<Schema> const&)>;

    explicit runtime_metrics_context(on_exit_fn on_exit, context_options options = {})
        : on_exit_(std::move(on_exit)), options_(std::move(options)) {}

    /// Adds `delta` to the counter `Name`. Each extra, `tmx::arg<"k"> = v`
    /// naming a value metric, is recorded only if `k` is absent: the first
    /// write wins. The first record of a cycle takes the start time.
    template <fixed_string Name, class V, class... Extras>
    void increment(V&& delta, Extras&&... extras) {
        if constexpr (detail::check_increment<Schema, Name, V>() && detail::check_named_values<Schema, Extras...>()) {
            if (record_.empty()) start_ns_ = options_.clock();
            access::increment<Name>(record_, std::forward<V>(delta));
            (set_if_absent(std::forward<Extras>(extras)), ...);
        }
    }

    /// Hands the record to `on_exit` and starts a new one; does nothing when
    /// nothing was recorded. What `on_exit` throws propagates, after the reset.
    void finish() {
        if (record_.empty()) return;
        struct reset_on_exit {
            runtime_metrics_context& self;
            ~reset_on_exit() { access::clear(self.record_); }
        } const reset{*this};
        if (on_exit_) on_exit_(exit_info<Schema>{start_ns_, options_.clock(), record_, nullptr, false});
    }

private:
    template <class Arg>
    void set_if_absent(Arg&& extra) {
        constexpr auto name = std::remove_cvref_t<Arg>::name;
        if (record_.template contains<name>()) return;
        access::store<name>(record_, typename metric_t<Schema, name>::value_type{extra.forward()});
    }

    record<Schema> record_;
    std::int64_t start_ns_ = 0;
    on_exit_fn on_exit_;
    context_options options_;
};

}  // namespace typed_metrics
