// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/arg.hpp>
#include <typed_metrics/checks.hpp>
#include <typed_metrics/detail/call_on_exit.hpp>
#include <typed_metrics/detail/function.hpp>
#include <typed_metrics/detail/in_place.hpp>
#include <typed_metrics/detail/raise.hpp>
#include <typed_metrics/detail/record_pool.hpp>
#include <typed_metrics/detail/timer_parts.hpp>
#include <typed_metrics/error.hpp>
#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/mode.hpp>
#include <typed_metrics/options.hpp>
#include <typed_metrics/record.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <type_traits>
#include <utility>

namespace typed_metrics {

/// Metrics gathered at run time outside any unit of work, without scopes:
/// recording starts the clock, `finish()` hands the record to `on_exit` and
/// starts over, and destroying the context finishes a pending record (so what
/// `on_exit` writes to must outlive the context; what it records on the
/// context then is dropped and reported to `context_options::on_error`). Used by one thread at a
/// time, like `metrics_context`, and neither copyable nor movable (a copy
/// would report the pending record twice); `on_exit` must not destroy the
/// context it is called by. With `Mode` = `tmx::disabled` it does nothing but
/// check each call.
template <class Schema, context_mode Mode = enabled>
class runtime_metrics_context {
    using access = detail::record_access;
    using storage_type = typename Schema::storage;  // checks the schema here first, as metrics_context does
    static_assert(detail::check_schema_declaration<Schema>());

public:
    using schema_type = Schema;
    using on_exit_fn = std::function<void(exit_info<Schema> const&)>;
    static constexpr bool is_enabled = std::is_same_v<Mode, enabled>;

    /// `on_exit` is anything an `on_exit_fn` is built from; a disabled
    /// context never builds it, so building one allocates nothing.
    template <class OnExit = on_exit_fn>
        requires std::constructible_from<on_exit_fn, OnExit>
    explicit runtime_metrics_context([[maybe_unused]] OnExit&& on_exit, [[maybe_unused]] context_options options = {}) {
        if constexpr (is_enabled) {
            state_.on_exit = on_exit_fn(std::forward<OnExit>(on_exit));
            state_.options = std::move(options);
        }
    }

    runtime_metrics_context(runtime_metrics_context const&) = delete;
    runtime_metrics_context& operator=(runtime_metrics_context const&) = delete;

    // What a timer keeps for its end.
    template <class Duration>
    struct timer_start {
        Duration storage_type::* counter;  // the field, in whichever record is pending at the end
        std::size_t index;
        std::int64_t start_ns;
    };

    /// What `timed<Name>()` returns. Enabled: a timer that adds the
    /// monotonic time from its start to its destruction (by an exception
    /// too) to the duration counter, as an `increment` made then would: into
    /// the record pending at its end, since a `finish()` only cuts the stream
    /// of writes into records, there being no unit of work here. An addition
    /// that would overflow is dropped and reported to
    /// `context_options::on_error`, the counter unchanged. Movable, not
    /// copyable; the context must outlive it. Disabled: an empty
    /// `detail::inactive_timer`.
    template <fixed_string Name>
    using timer = std::conditional_t<
        is_enabled,
        detail::active_timer<runtime_metrics_context, timer_start<typename metric_t<Schema, Name>::value_type>>,
        detail::inactive_timer>;

    /// Starts a timer of the duration counter `Name`:
    /// `auto const t = ctx.timed<"k">();`.
    template <fixed_string Name>
    [[nodiscard("a timer adds its time when it is destroyed: keep it in a variable for the region it times")]]
    auto timed() noexcept {
        if constexpr (detail::check_call<detail::operation::timed, Schema, Name>() && is_enabled) {
            using slot = detail::slot_t<storage_type, Name>;
            using duration = typename slot::metric::value_type;
            duration storage_type::* const counter = &slot::value;
            return detail::active_timer<runtime_metrics_context, timer_start<duration>>{
                *this, {counter, slot::index, state_.options.monotonic_clock()}};
        } else {
            return detail::inactive_timer{};
        }
    }

    /// Adds `delta` to the counter `Name`. Each extra, `tmx::arg<"k"> = v`
    /// naming a value metric, is recorded only if `k` is absent: the first
    /// write wins. The first record of a cycle takes the start time.
    template <fixed_string Name, class V, class... Extras>
    void increment(V&& delta, Extras&&... extras) {
        if constexpr (detail::check_call<detail::operation::increment, Schema, Name, V>() &&
                      detail::check_update<Schema, Extras...>() && is_enabled) {
            record<Schema>& metrics = state_.open_record();
            using slot = detail::slot_t<typename Schema::storage, Name>;
            auto& counter = static_cast<slot&>(access::fields(metrics)).value;
            access::presence(metrics).set(slot::index);  // marked first (record_access::add)
            access::add(counter, std::forward<V>(delta), Name.view());
            (set_if_absent(metrics, std::forward<Extras>(extras)), ...);
        }
    }

    /// Hands the record to `on_exit` and starts a new one; does nothing when
    /// nothing was recorded. What `on_exit` throws goes to
    /// `context_options::on_error`, and the record is reset either way. While
    /// `on_exit` runs, what it records on this context goes to the next
    /// record, and a `finish()` it calls does nothing.
    void finish() noexcept {
        if constexpr (is_enabled) state_.finish();
    }

private:
    template <class, class>
    friend class detail::active_timer;

    template <class Duration>
    void stop_timer(timer_start<Duration> const& start) noexcept {
        auto const [counter, index, start_ns] = start;
        Duration elapsed{};
        if (!detail::elapsed_since(start_ns, state_.options.monotonic_clock(), state_.options.on_error,
                                   Schema::names[index], elapsed))
            return;
        record<Schema>& metrics = state_.open_record();
        access::presence(metrics).set(index);  // marked first (record_access::add)
        detail::add_elapsed(access::fields(metrics).*counter, elapsed, state_.options.on_error, Schema::names[index]);
    }

    template <class Arg>
    static void set_if_absent(record<Schema>& metrics, Arg&& extra) {
        using slot = detail::slot_t<typename Schema::storage, std::remove_cvref_t<Arg>::name>;
        auto& present = access::presence(metrics);
        if (present[slot::index]) return;
        detail::assign_value(static_cast<slot&>(access::fields(metrics)).value, extra.forward());
        present.set(slot::index);
    }

    struct state {
        // The open record and the one `on_exit` is reading: they trade places
        // at each finish(), so that what `on_exit` records on this context
        // starts the next record instead of changing the one it was handed.
        // A finish() inside on_exit does nothing, so the pool's two inline
        // records always suffice: a cycle allocates nothing.
        detail::record_pool<Schema> records;
        bool reporting = false;
        std::int64_t start_ns = 0;
        on_exit_fn on_exit;
        context_options options;

        // The pending record, which takes the start time at its first write.
        record<Schema>& open_record() noexcept {
            record<Schema>& metrics = records.open();
            if (metrics.empty()) start_ns = options.clock();
            return metrics;
        }

        void finish() noexcept {
            if (reporting || records.open().empty()) return;
            auto& reported = records.hand_over();  // never allocates: no other record is being read
            reporting = true;
            exit_info<Schema> const info{start_ns, options.clock(), reported.metrics, nullptr, false, options.on_error};
            detail::call_on_exit(on_exit, info, options.on_error);
            reporting = false;
            detail::record_pool<Schema>::release(reported);
        }

        // The context's destructor, here so that a disabled context stays
        // trivially destructible. What `on_exit` records meanwhile has no
        // next record to go to: it is dropped, and reported (`reporting`
        // set, so that an error hook's finish() does not hand it over after
        // all).
        ~state() {
            finish();
            if (!records.open().empty()) [[unlikely]] {
                reporting = true;
                report_dropped_record();
            }
        }

        // "Cannot record <names> from an on_exit called by the
        // runtime_metrics_context's destructor: the record is dropped".
        [[gnu::cold, gnu::noinline]] void report_dropped_record() noexcept {
            try {
                detail::name_list names;
                auto const& present = access::presence(records.open());
                for (std::size_t index = 0; index < Schema::size; ++index) {
                    if (present[index]) names.add(Schema::names[index]);
                }
                throw metrics_error("Cannot record " + names.text() +
                                    " from an on_exit called by the runtime_metrics_context's destructor: the record "
                                    "is dropped");
            } catch (...) {
                detail::report_error(options.on_error, std::current_exception());
            }
        }
    };
    struct no_state {};

    [[no_unique_address]] std::conditional_t<is_enabled, state, no_state> state_;
};

}  // namespace typed_metrics
