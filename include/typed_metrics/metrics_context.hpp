// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/arg.hpp>
#include <typed_metrics/call_site.hpp>
#include <typed_metrics/checks.hpp>
#include <typed_metrics/detail/call_on_exit.hpp>
#include <typed_metrics/detail/function.hpp>
#include <typed_metrics/detail/in_place.hpp>
#include <typed_metrics/detail/ordered_value.hpp>
#include <typed_metrics/detail/presence_bits.hpp>
#include <typed_metrics/detail/raise.hpp>
#include <typed_metrics/detail/record_pool.hpp>
#include <typed_metrics/detail/timer_parts.hpp>
#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/mode.hpp>
#include <typed_metrics/options.hpp>
#include <typed_metrics/overwrite.hpp>
#include <typed_metrics/record.hpp>

#include <array>
#include <concepts>
#include <cstdint>
#include <exception>
#include <tuple>
#include <type_traits>
#include <utility>

namespace typed_metrics {

namespace detail {
// The scope of a disabled context: nothing to end, so trivially destructible
// (no exception cleanup either). `gnu::unused` keeps
// `auto const scope = ctx.enter();` free of unused-variable warnings.
class [[nodiscard("a scope ends when it is destroyed: keep it in a variable for the unit of work"),
        gnu::unused]] inactive_scope {
public:
    inactive_scope() = default;
    inactive_scope(inactive_scope&&) noexcept = default;
    inactive_scope(inactive_scope const&) = delete;
    inactive_scope& operator=(inactive_scope const&) = delete;
    inactive_scope& operator=(inactive_scope&&) = delete;

    void fail(std::exception_ptr) const noexcept {}
};
}  // namespace detail

/// Records one unit of work's metrics across nested scopes.
///
/// `enter()` opens a scope; scopes nest, and only when the outermost one ends
/// does `on_exit` receive the record, with everything recorded at any depth.
/// Every operation but `add_top_n` throws `metrics_error` outside a scope.
///
/// A context is used by one thread at a time; for many threads give each its
/// own (a `thread_local` context is the usual pattern). It must outlive its
/// scopes, and is neither copyable nor movable, as scopes refer to it.
///
/// With `Mode` = `tmx::disabled` the context holds no state and every
/// operation compiles to nothing, but every call is still checked against
/// the schema at compile time.
template <class Schema, context_mode Mode = enabled>
class metrics_context {
    using access = detail::record_access;
    // Names the schema's storage, so the schema is instantiated (and its rules
    // checked, in every mode) here first: one level less in its diagnostics.
    using storage_type = typename Schema::storage;
    static_assert(detail::check_schema_declaration<Schema>());

public:
    using schema_type = Schema;
    using on_exit_fn = std::function<void(exit_info<Schema> const&)>;
    static constexpr bool is_enabled = std::is_same_v<Mode, enabled>;

    /// `on_exit` is anything an `on_exit_fn` can be built from; a disabled
    /// context never builds one, so it never allocates for a capturing lambda.
    /// `{}` or `nullptr` gives a context without a callback.
    template <class OnExit = on_exit_fn>
        requires std::constructible_from<on_exit_fn, OnExit>
    explicit metrics_context([[maybe_unused]] OnExit&& on_exit, [[maybe_unused]] context_options options = {}) {
        if constexpr (is_enabled) {
            state_.on_exit = on_exit_fn(std::forward<OnExit>(on_exit));
            state_.options = std::move(options);
            if (state_.options.span_capacity > 0) {
                state_.records.reserve_spans(state_.options.span_capacity);
                state_.timer_unit = traced_unit;  // and so `unit` + `traced_unit` from now on
                state_.traced = true;
            }
        }
    }

    metrics_context(metrics_context const&) = delete;
    metrics_context& operator=(metrics_context const&) = delete;

    /// One level of nesting, ended by its destructor.
    class [[nodiscard("a scope ends when it is destroyed: keep it in a variable for the unit of work")]] active_scope {
    public:
        active_scope(active_scope&& other) noexcept
            : context_{std::exchange(other.context_, nullptr)}, outermost_{std::exchange(other.outermost_, false)} {}
        active_scope(active_scope const&) = delete;
        active_scope& operator=(active_scope const&) = delete;
        active_scope& operator=(active_scope&&) = delete;

        [[gnu::always_inline]] ~active_scope() {
            if (context_ != nullptr) context_->leave();
        }

        /// Attaches `error` to the unit of work: `on_exit` receives it as
        /// `exit.exception`, as if the body had run through `run()`; for a
        /// plain `enter()` scope, call it from the `catch` block that sees
        /// the exception: `scope.fail(std::current_exception())`.
        /// - A later call replaces an earlier one: a handler that translates
        ///   an exception attaches what it translated it into.
        /// - A null `error` does nothing, so that `std::current_exception()`
        ///   read outside any handler (a destructor run by unwinding) cannot
        ///   erase a failure attached before.
        /// - On a nested scope, or a moved-from one, it does nothing: an
        ///   exception leaving a nested scope may still be handled inside the
        ///   unit, so only the outermost scope says how the unit ended, as
        ///   `run()` captures only at the outermost level.
        void fail(std::exception_ptr error) const noexcept {
            if (outermost_ && error) context_->state_.exception = std::move(error);
        }

    private:
        friend class metrics_context;
        active_scope(metrics_context& context, bool outermost) noexcept : context_{&context}, outermost_{outermost} {}

        metrics_context* context_;
        bool outermost_;  // false once moved from: `context_` is then null
    };

    /// What `enter()` returns: an `active_scope`, or when disabled an empty
    /// `detail::inactive_scope` with the same rules.
    using scope = std::conditional_t<is_enabled, active_scope, detail::inactive_scope>;

    // What a timer keeps for its end: a template per counter type, not per
    // name (see docs/design.md, Compile-time rules).
    template <class Duration>
    struct timer_start {
        Duration* counter;  // in the record open when the timer started
        std::size_t index;
        std::uint64_t unit;  // the unit of work it started in, marked when it traces
        std::int64_t start_ns;
    };

    /// What `timed<Name>()` returns. Enabled: a timer that adds the
    /// monotonic time from its start to its destruction (by an exception
    /// too) to the duration counter, truncated to its unit. It writes only
    /// into the unit of work it started in: if that unit ended first, the
    /// time is dropped and reported to `context_options::on_error`, as is an
    /// addition that would overflow the counter (left unchanged). Movable
    /// (the moved-from timer adds nothing), not copyable; the context must
    /// outlive it. Disabled: an empty `detail::inactive_timer`.
    template <fixed_string Name>
    using timer = std::conditional_t<
        is_enabled, detail::active_timer<metrics_context, timer_start<typename metric_t<Schema, Name>::value_type>>,
        detail::inactive_timer>;

    /// Opens a scope. At depth 0 this starts a new record (empty: records are
    /// cleared once reported, and first-set locations are read only where
    /// the new record is written) and takes the start time (and, when the
    /// context traces, the start of the unit's span on the monotonic clock).
    [[nodiscard("a scope ends when it is destroyed: keep it in a variable for the unit of work")]]
    scope enter() noexcept {
        if constexpr (is_enabled) {
            if (state_.depth++ > 0) return scope{*this, false};
            ++state_.unit;
            ++state_.timer_unit;
            state_.start_ns = state_.options.clock();
            if (state_.traced) [[unlikely]]
                open_trace();
            state_.exceptions_at_entry = std::uncaught_exceptions();
            return scope{*this, true};
        } else {
            return scope{};
        }
    }

    /// Runs `body` inside a scope. If it throws out of the outermost scope,
    /// `on_exit` receives the exception as well; it is then rethrown.
    template <class F>
    decltype(auto) run(F&& body) {
        if constexpr (is_enabled) {
            scope const level = enter();
            try {
                return std::forward<F>(body)();
            } catch (...) {
                level.fail(std::current_exception());
                throw;
            }
        } else {
            return std::forward<F>(body)();
        }
    }

    /// Whether a scope is open (never, when disabled).
    bool in_progress() const noexcept {
        if constexpr (is_enabled) {
            return state_.depth > 0;
        } else {
            return false;
        }
    }

    /// Adds `delta` to the counter `Name`; an absent counter counts as 0.
    template <fixed_string Name, class V>
    [[gnu::always_inline]] void increment(V&& delta) noexcept(!is_enabled) {
        if constexpr (detail::check_call<detail::operation::increment, Schema, Name, V>() && is_enabled) {
            using slot = detail::slot_t<storage_type, Name>;
            // A counter already written proves a scope open and is marked.
            if (!state_.written[slot::index]) [[unlikely]] {
                require_scope("increment", slot::index);
                state_.written.set(slot::index);
            }
            access::add(static_cast<slot&>(access::fields(state_.records.open())).value, std::forward<V>(delta),
                        Name.view());
        }
    }

    /// Starts a timer of the duration counter `Name` (`tmx::counter<"k",
    /// std::chrono::microseconds>`): `auto const t = ctx.timed<"k">();`.
    /// Throws `metrics_error` outside a scope, as `increment` does, here
    /// rather than when the timer ends in its destructor.
    template <fixed_string Name>
    [[nodiscard("a timer adds its time when it is destroyed: keep it in a variable for the region it times")]]
    auto timed() noexcept(!is_enabled) {
        if constexpr (detail::check_call<detail::operation::timed, Schema, Name>() && is_enabled) {
            using slot = detail::slot_t<storage_type, Name>;
            require_scope("time", slot::index);
            using duration = typename slot::metric::value_type;
            return detail::active_timer<metrics_context, timer_start<duration>>{
                *this,
                {&static_cast<slot&>(access::fields(state_.records.open())).value, slot::index, state_.timer_unit,
                 state_.options.monotonic_clock()}};
        } else {
            return detail::inactive_timer{};
        }
    }

    /// Sets the value `Name`; throws `metrics_error` if it was set before in
    /// this record, naming where.
    template <fixed_string Name, class V>
    [[gnu::always_inline]] void set(V&& value, call_site where = call_site::current()) noexcept(!is_enabled) {
        if constexpr (detail::check_call<detail::operation::set, Schema, Name, V>() && is_enabled) {
            using slot = detail::slot_t<storage_type, Name>;
            auto& field = static_cast<slot&>(access::fields(state_.records.open())).value;
            store_value(field, slot::index, std::forward<V>(value), false, where);
        }
    }

    /// Sets the value `Name`, replacing any earlier one.
    template <fixed_string Name, class V>
    [[gnu::always_inline]] void set(overwrite_t, V&& value,
                                    call_site where = call_site::current()) noexcept(!is_enabled) {
        if constexpr (detail::check_call<detail::operation::set, Schema, Name, V>() && is_enabled) {
            using slot = detail::slot_t<storage_type, Name>;
            auto& field = static_cast<slot&>(access::fields(state_.records.open())).value;
            store_value(field, slot::index, std::forward<V>(value), true, where);
        }
    }

    /// The spelling of `set<Name>(tmx::overwrite, value)` before the tag came
    /// first, as in `update`; kept for one release, deprecated.
    template <fixed_string Name, class V>
    [[gnu::always_inline]] void set(V&& value, detail::overwrite_after_value,
                                    call_site where = call_site::current()) noexcept(!is_enabled) {
        set<Name>(overwrite, std::forward<V>(value), where);
    }

    /// Sets several values, all or nothing: if any was set before, throws
    /// `metrics_error` naming them and records none.
    /// `ctx.update(tmx::arg<"a"> = 1.0, tmx::arg<"b"> = "x");`
    template <class... Args>
        requires(!detail::overwrite_first<Args...>)
    void update(Args&&... args) noexcept(!is_enabled) {
        if constexpr (detail::check_update<Schema, Args...>() && is_enabled) {
            update_values("update", false, update_site, std::forward<Args>(args)...);
        }
    }

    /// Sets several values, replacing earlier ones; the tag records where.
    // Always inlined: with the sites of its overwrites to store, g++ would
    // otherwise call it, and the call costs more than the stores.
    template <class... Args>
    [[gnu::always_inline]] void update(detail::located_overwrite tag, Args&&... args) noexcept(!is_enabled) {
        if constexpr (detail::check_update<Schema, Args...>() && is_enabled) {
            update_values("update", true, tag.where, std::forward<Args>(args)...);
        }
    }

    /// `update`, applied only in the outermost scope (depth 1); deeper it does nothing.
    template <class... Args>
        requires(!detail::overwrite_first<Args...>)
    void update_outer(Args&&... args) noexcept(!is_enabled) {
        if constexpr (detail::check_update<Schema, Args...>() && is_enabled) {
            if (state_.depth <= 1) update_values("update_outer", false, update_site, std::forward<Args>(args)...);
        }
    }

    /// `update(overwrite, ...)`, applied only in the outermost scope.
    template <class... Args>
    void update_outer(detail::located_overwrite tag, Args&&... args) noexcept(!is_enabled) {
        if constexpr (detail::check_update<Schema, Args...>() && is_enabled) {
            if (state_.depth <= 1) update_values("update_outer", true, tag.where, std::forward<Args>(args)...);
        }
    }

    /// Inserts `element` into the set `Name`; duplicates collapse.
    template <fixed_string Name, class V>
    void add_to_set(V&& element) noexcept(!is_enabled) {
        if constexpr (detail::check_call<detail::operation::add_to_set, Schema, Name, V>() && is_enabled) {
            using slot = detail::slot_t<storage_type, Name>;
            require_scope("add", slot::index);
            detail::insert_absent(static_cast<slot&>(access::fields(state_.records.open())).value,
                                  std::forward<V>(element), "add NaN to", Name.view());
            state_.written.set(slot::index);
        }
    }

    /// Sets `map[key] = value` in the map `Name`; a repeated key is overwritten.
    template <fixed_string Name, class K, class V>
    void set_key_value(K&& key, V&& value) noexcept(!is_enabled) {
        if constexpr (detail::check_call<detail::operation::set_key_value, Schema, Name, K, V>() && is_enabled) {
            using slot = detail::slot_t<storage_type, Name>;
            require_scope("set", slot::index);
            detail::assign_key_value(static_cast<slot&>(access::fields(state_.records.open())).value,
                                     std::forward<K>(key), std::forward<V>(value), "set a NaN key in", Name.view());
            state_.written.set(slot::index);
        }
    }

    /// Adds `(key, value)` to the ranking `Name`. Outside a scope it does
    /// nothing, as in PyTorch's MetricsContext (docs/semantics.md).
    template <fixed_string Name, class K, class V>
    void add_top_n(K&& key, V&& value) noexcept(!is_enabled) {
        if constexpr (detail::check_call<detail::operation::add_top_n, Schema, Name, K, V>() && is_enabled) {
            if (state_.depth == 0) return;
            using slot = detail::slot_t<storage_type, Name>;
            using metric = typename slot::metric;
            auto& ranking = static_cast<slot&>(access::fields(state_.records.open())).value;
            // The key as a view of a string's characters: the ranking builds
            // its string only for an entry that ranks, into a free slot's.
            ranking.add(
                detail::lookup_key<typename metric::key_type>(std::forward<K>(key), "add a NaN key to", Name.view()),
                detail::make_ordered<typename metric::value_type>(std::forward<V>(value), "add a NaN value to",
                                                                  Name.view()));
            state_.written.set(slot::index);
        }
    }

private:
    // Where `update` without the overwrite tag writes: a parameter pack
    // leaves no room for a defaulted `call_site` after it, and an operator
    // (`tmx::arg<"k"> = v`) cannot have a default argument.
    static constexpr call_site update_site{"an update(...) call", 0};

    // The schema positions of the metrics a call names, as a constant array:
    // the error paths read them, the fast path never builds them. They take
    // a pointer and a count: <span> would cost every recording file
    // (see docs/design.md, Compile-time rules).
    template <fixed_string... Names>
    static constexpr std::array<std::size_t, sizeof...(Names)> indices{detail::slot_t<storage_type, Names>::index...};

    // The operation's name is a literal, not a std::string_view: building a
    // view at every call site is one more call for the compiler to inline,
    // and an exception cleanup for it (see docs/design.md, Compile-time rules).
    [[gnu::always_inline]] void require_scope(char const* operation, std::size_t const* metrics,
                                              std::size_t count) const {
        if (state_.depth == 0) [[unlikely]]
            raise_outside_scope(operation, metrics, count);
    }
    // One metric, passed by value: a call site's error path is then a call
    // with constants, nothing stored for it on the fast path.
    [[gnu::always_inline]] void require_scope(char const* operation, std::size_t metric) const {
        if (state_.depth == 0) [[unlikely]]
            raise_outside_scope(operation, metric);
    }

    [[noreturn, gnu::cold, gnu::noinline]] static void raise_outside_scope(char const* operation,
                                                                           std::size_t const* metrics,
                                                                           std::size_t count) {
        detail::outside_scope_message message;
        for (std::size_t i = 0; i < count; ++i) message.add(Schema::names[metrics[i]]);
        message.raise(operation);
    }
    [[noreturn, gnu::cold, gnu::noinline]] static void raise_outside_scope(char const* operation, std::size_t metric) {
        raise_outside_scope(operation, &metric, 1);
    }

    // The operations below run after their call's checks passed.

    template <fixed_string Name>
    static constexpr std::size_t index_of = detail::slot_t<storage_type, Name>::index;

    // `set` after its check: a template per value type, not per name, so that
    // a call site instantiates only the public `set` (each instantiation costs
    // the optimiser time, even when inlined).
    template <class T, class V>
    [[gnu::always_inline]] void store_value(T& field, std::size_t index, V&& value, bool overwrite,
                                            call_site const& where) {
        bool const was_present = state_.written[index];
        if (was_present) {
            if (!overwrite) [[unlikely]]
                raise_already_set(index);
        } else {
            require_scope("set", index);  // a written metric proves a scope open
        }
        detail::assign_value(field, std::forward<V>(value));  // nothing changes if it throws
        if (!was_present) {
            mark_first_write(index, where);
        } else {
            mark_overwrite(index, where);  // reached only by an overwrite
        }
    }

    // An empty update, as `update({})` in PyTorch's MetricsContext: it needs
    // a scope, and then does nothing.
    void update_values(char const* operation, bool, call_site const&) { require_scope(operation, nullptr, 0); }

    template <class... Args>
    [[gnu::always_inline]] void update_values(char const* operation, bool overwrite, call_site const& where,
                                              Args&&... args) {
        constexpr auto const& positions = indices<std::remove_cvref_t<Args>::name...>;
        // Tested before the writes; one mask test when the metrics share a
        // word of presence bits. Written metrics prove a scope open.
        bool const all_present = state_.written.template all<index_of<std::remove_cvref_t<Args>::name>...>();
        bool const any_present = state_.written.template any<index_of<std::remove_cvref_t<Args>::name>...>();
        if (!all_present) require_scope(operation, positions.data(), positions.size());
        if (!overwrite && any_present) [[unlikely]]
            raise_already_set(positions.data(), positions.size());
        // Build every new value first: if one throws, nothing was written.
        std::tuple<typename metric_t<Schema, std::remove_cvref_t<Args>::name>::value_type...> values{
            typename metric_t<Schema, std::remove_cvref_t<Args>::name>::value_type{args.forward()}...};
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            auto& fields = access::fields(state_.records.open());
            ((static_cast<detail::slot_t<storage_type, std::remove_cvref_t<Args>::name>&>(fields).value =
                  std::get<I>(std::move(values))),
             ...);
        }(std::index_sequence_for<Args...>{});
        if (any_present) mark_overwrites<index_of<std::remove_cvref_t<Args>::name>...>(all_present, where);
        if (!all_present) mark_first_writes<index_of<std::remove_cvref_t<Args>::name>...>(any_present, where);
    }

    // Marks an absent metric present, first written at `where`.
    [[gnu::always_inline]] void mark_first_write(std::size_t index, call_site const& where) noexcept {
        state_.written.set(index);
        state_.first_set[index] = where;
    }

    // Where an overwrite wrote a metric's current value: the error reports
    // it beside the first write's site.
    [[gnu::always_inline]] void mark_overwrite(std::size_t index, call_site const& where) noexcept {
        state_.overwritten.set(index);
        state_.last_set[index] = where;
    }
    // The same for those of the metrics at `Indices` that are present,
    // overwritten by an update; when all were, without a test per metric.
    template <std::size_t... Indices>
    [[gnu::always_inline]] void mark_overwrites(bool all_present, call_site const& where) noexcept {
        if (all_present) {
            state_.overwritten.template set_all<Indices...>();
            ((state_.last_set[Indices] = where), ...);
        } else {
            ((state_.written[Indices] ? mark_overwrite(Indices, where) : void()), ...);
        }
    }

    // The same for those of the metrics at `Indices` that are absent, first
    // written by an update: unrolled at compile time, and when none was
    // present (as on every update that does not overwrite), one `or` of the
    // bits and a store of each site, without a test per metric.
    template <std::size_t... Indices>
    [[gnu::always_inline]] void mark_first_writes(bool any_present, call_site const& where) noexcept {
        if (!any_present) {
            state_.written.template set_all<Indices...>();
            ((state_.first_set[Indices] = where), ...);
        } else {
            ((state_.written[Indices] ? void() : mark_first_write(Indices, where)), ...);
        }
    }

    // One out-of-line function per context type, not per call site: it takes
    // the metrics by index and reports those already recorded.
    [[noreturn, gnu::cold, gnu::noinline]] void raise_already_set(std::size_t const* metrics, std::size_t count) const {
        detail::already_set_message message;
        for (std::size_t i = 0; i < count; ++i) {
            std::size_t const index = metrics[i];
            if (state_.written[index])
                message.add(Schema::names[index], state_.first_set[index],
                            state_.overwritten[index] ? &state_.last_set[index] : nullptr);
        }
        message.raise();
    }
    [[noreturn, gnu::cold, gnu::noinline]] void raise_already_set(std::size_t metric) const {
        raise_already_set(&metric, 1);
    }

    // A timer's end: a template per counter type. The unit of work changes
    // at every outermost enter and exit, so an equal one proves the timer's
    // record still open, and `counter` in it. A traced unit's timers carry
    // its number plus `traced_unit` (`timer_unit`): never equal, they take the unlikely
    // branch, which checks the number and adds the span, so that a context
    // that does not trace pays nothing for it (docs/design.md, Tracing).
    template <class, class>
    friend class detail::active_timer;

    static constexpr std::uint64_t traced_unit = std::uint64_t{1} << 63;

    template <class Duration>
    [[gnu::always_inline]] void stop_timer(timer_start<Duration> const& start) noexcept {
        auto const [counter, index, unit, start_ns] = start;
        std::int64_t const end_ns = state_.options.monotonic_clock();
        if (unit != state_.unit && !add_span(unit, index, start_ns, end_ns)) [[unlikely]]
            return;
        Duration elapsed{};
        if (!detail::elapsed_since(start_ns, end_ns, state_.options.on_error, Schema::names[index], elapsed)) return;
        state_.written.set(index);  // marked first (record_access::add)
        detail::add_elapsed(*counter, elapsed, state_.options.on_error, Schema::names[index]);
    }

    // A timer whose unit is not the open one: a traced unit's, whose span
    // this adds (true: the timer then adds its time), or one that ended
    // (false, reported). Out of line, so that `stop_timer` stays as small as
    // without tracing and is inlined as before (docs/design.md, Tracing).
    [[gnu::cold, gnu::noinline]] bool add_span(std::uint64_t unit, std::size_t index, std::int64_t start_ns,
                                               std::int64_t end_ns) noexcept {
        if (unit - traced_unit != state_.unit) {
            detail::report_timer_dropped(state_.options.on_error, Schema::names[index],
                                         "its unit of work ended before it");
            return false;
        }
        state_.records.open_spans().add(Schema::names[index], start_ns, end_ns, state_.depth);
        return true;
    }

    // A traced unit's own span starts: out of line, so that every scope's
    // enter compiles no more than without tracing (docs/design.md, Tracing).
    [[gnu::cold, gnu::noinline]] void open_trace() noexcept {
        state_.records.open_spans().open(state_.options.monotonic_clock());
    }

    // Small enough to inline into every scope's destructor: leaving a nested
    // scope is a decrement and a branch; the outermost exit, once per record,
    // is a call.
    [[gnu::always_inline]] void leave() noexcept {
        if (--state_.depth > 0) return;
        exit_outermost();
    }

    // While `on_exit` runs, the depth is 0: operations it makes on this
    // context fail as outside a scope, and a scope it enters starts a unit of
    // work of its own, in the record that opens when this one is handed over.
    [[gnu::noinline]] void exit_outermost() noexcept {
        bool const unwinding = std::uncaught_exceptions() > state_.exceptions_at_entry;
        ++state_.unit;  // the timers of this unit write nothing from now on
        ++state_.timer_unit;
        typename detail::record_pool<Schema>::entry* reported = nullptr;
        try {
            reported = &state_.records.hand_over();
        } catch (...) {
            drop_open_record();
            return;
        }
        access::presence(reported->metrics) = std::exchange(state_.written, {});
        state_.overwritten = {};
        if (state_.traced) [[unlikely]]
            reported->spans.close(state_.options.monotonic_clock());
        exit_info<Schema> const info{
            state_.start_ns, state_.options.clock(),  reported->metrics,      std::exchange(state_.exception, nullptr),
            unwinding,       state_.options.on_error, reported->spans.trace()};
        detail::call_on_exit(state_.on_exit, info, state_.options.on_error);
        detail::record_pool<Schema>::release(*reported);
    }

    // No record could be allocated to follow the open one (only a unit that
    // ends inside an on_exit needs one): the unit is not reported to on_exit,
    // and the error hook is told why, once the record is clear, so that a
    // unit the hook opens starts empty.
    [[gnu::cold, gnu::noinline]] void drop_open_record() noexcept {
        access::presence(state_.records.open()) = std::exchange(state_.written, {});
        state_.overwritten = {};
        access::clear(state_.records.open());
        state_.records.open_spans().clear();
        state_.exception = nullptr;
        detail::report_error(state_.options.on_error, std::current_exception());
    }

    struct state {
        // The open record, whose presence bits are set from `written` when
        // it is reported, and those that on_exit calls are reading.
        detail::record_pool<Schema> records;
        // The metrics written in the open record: none at depth 0, so a
        // written metric proves a scope is open and skips the depth test.
        detail::presence_bits<Schema::size> written;
        // Meaningful where written. A built-in array: `std::array`'s
        // operator[] would be one more call per set site for the compiler to inline.
        call_site first_set[Schema::size == 0 ? 1 : Schema::size]{};
        // The metrics whose current value an overwrite wrote, and where.
        detail::presence_bits<Schema::size> overwritten;
        call_site last_set[Schema::size == 0 ? 1 : Schema::size]{};
        int depth = 0;
        // Counts outermost enters and exits: odd while a unit of work is open.
        std::uint64_t unit = 0;
        // What a timer of the open unit keeps: `unit`, plus `traced_unit`
        // when the context traces; counted alongside it.
        std::uint64_t timer_unit = 0;
        bool traced = false;  // span_capacity > 0
        // Exceptions in flight when the outermost scope was entered: more at
        // its exit means it is left by unwinding.
        int exceptions_at_entry = 0;
        std::int64_t start_ns = 0;
        std::exception_ptr exception;  // given to the outermost scope's fail(), by run() or its owner
        on_exit_fn on_exit;
        context_options options;
    };
    struct no_state {};

    [[no_unique_address]] std::conditional_t<is_enabled, state, no_state> state_;
};

}  // namespace typed_metrics
