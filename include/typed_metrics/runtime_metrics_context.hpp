// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/arg.hpp>
#include <typed_metrics/checks.hpp>
#include <typed_metrics/detail/function.hpp>
#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/mode.hpp>
#include <typed_metrics/options.hpp>
#include <typed_metrics/record.hpp>

#include <cstdint>
#include <type_traits>
#include <utility>

namespace typed_metrics {

/// Metrics gathered at run time outside any unit of work, without scopes:
/// recording starts the clock, `finish()` hands the record to `on_exit` and
/// starts over. Used by one thread at a time, like `metrics_context`; with
/// `Mode` = `tmx::disabled` it does nothing but check each call.
template <class Schema, context_mode Mode = enabled>
class runtime_metrics_context {
    using access = detail::record_access;
    using storage_type = typename Schema::storage;  // checks the schema here first, as metrics_context does

public:
    using schema_type = Schema;
    using on_exit_fn = std::function<void(exit_info<Schema> const&)>;
    static constexpr bool is_enabled = std::is_same_v<Mode, enabled>;

    explicit runtime_metrics_context([[maybe_unused]] on_exit_fn on_exit,
                                     [[maybe_unused]] context_options options = {}) {
        if constexpr (is_enabled) {
            state_.on_exit = std::move(on_exit);
            state_.options = std::move(options);
        }
    }

    /// Adds `delta` to the counter `Name`. Each extra, `tmx::arg<"k"> = v`
    /// naming a value metric, is recorded only if `k` is absent: the first
    /// write wins. The first record of a cycle takes the start time.
    template <fixed_string Name, class V, class... Extras>
    void increment(V&& delta, Extras&&... extras) {
        if constexpr (detail::check_increment<Schema, Name, V>() && detail::check_named_values<Schema, Extras...>() &&
                      is_enabled) {
            if (state_.metrics.empty()) state_.start_ns = state_.options.clock();
            using slot = detail::slot_t<typename Schema::storage, Name>;
            auto& counter = static_cast<slot&>(access::fields(state_.metrics)).value;
            access::add(access::presence(state_.metrics), counter, slot::index, std::forward<V>(delta), Name.view());
            (set_if_absent(std::forward<Extras>(extras)), ...);
        }
    }

    /// Hands the record to `on_exit` and starts a new one; does nothing when
    /// nothing was recorded. What `on_exit` throws propagates, after the reset.
    void finish() {
        if constexpr (is_enabled) {
            if (state_.metrics.empty()) return;
            struct reset_on_exit {
                record<Schema>& metrics;
                ~reset_on_exit() { access::clear(metrics); }
            } const reset{state_.metrics};
            if (state_.on_exit) {
                state_.on_exit(
                    exit_info<Schema>{state_.start_ns, state_.options.clock(), state_.metrics, nullptr, false});
            }
        }
    }

private:
    template <class Arg>
    void set_if_absent(Arg&& extra) {
        using slot = detail::slot_t<typename Schema::storage, std::remove_cvref_t<Arg>::name>;
        auto& present = access::presence(state_.metrics);
        if (present[slot::index]) return;
        static_cast<slot&>(access::fields(state_.metrics)).value = typename slot::metric::value_type{extra.forward()};
        present.set(slot::index);
    }

    struct state {
        record<Schema> metrics;
        std::int64_t start_ns = 0;
        on_exit_fn on_exit;
        context_options options;
    };
    struct no_state {};

    [[no_unique_address]] std::conditional_t<is_enabled, state, no_state> state_;
};

}  // namespace typed_metrics
