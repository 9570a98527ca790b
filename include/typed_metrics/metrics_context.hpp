// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/arg.hpp>
#include <typed_metrics/call_site.hpp>
#include <typed_metrics/checks.hpp>
#include <typed_metrics/detail/raise.hpp>
#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/options.hpp>
#include <typed_metrics/record.hpp>

#include <array>
#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace typed_metrics {

/// Records one unit of work's metrics across nested scopes.
///
/// `enter()` opens a scope; scopes nest, and only when the outermost one ends
/// does `on_exit` receive the record, with everything recorded at any depth.
/// Every operation but `add_top_n` throws `metrics_error` outside a scope.
///
/// A context is used by one thread at a time; for many threads give each its
/// own (a `thread_local` context is the usual pattern). It must outlive its
/// scopes, and is neither copyable nor movable, as scopes refer to it.
template <class Schema>
class metrics_context {
    using access = detail::record_access;

public:
    using schema_type = Schema;
    using on_exit_fn = std::function<void(exit_info<Schema> const&)>;

    explicit metrics_context(on_exit_fn on_exit, context_options options = {})
        : on_exit_(std::move(on_exit)), options_(std::move(options)) {}

    metrics_context(metrics_context const&) = delete;
    metrics_context& operator=(metrics_context const&) = delete;

    /// One level of nesting, ended by its destructor.
    class [[nodiscard("a scope ends when it is destroyed: keep it in a variable for the unit of work")]] scope {
    public:
        scope(scope&& other) noexcept
            : context_{std::exchange(other.context_, nullptr)}, exceptions_{other.exceptions_} {}
        scope(scope const&) = delete;
        scope& operator=(scope const&) = delete;
        scope& operator=(scope&&) = delete;

        ~scope() {
            if (context_ != nullptr) context_->leave(std::uncaught_exceptions() > exceptions_);
        }

    private:
        friend class metrics_context;
        explicit scope(metrics_context& context) noexcept
            : context_{&context}, exceptions_{std::uncaught_exceptions()} {}

        metrics_context* context_;
        int exceptions_;  // exceptions in flight at entry: more at exit means unwinding
    };

    /// Opens a scope. At depth 0 this starts a new record: the previous one
    /// is cleared, first-set locations are forgotten, the start time is taken.
    [[nodiscard("a scope ends when it is destroyed: keep it in a variable for the unit of work")]]
    scope enter() noexcept {
        if (depth_++ == 0) {
            access::clear(record_);
            start_ns_ = options_.clock();
        }
        return scope{*this};
    }

    /// Runs `body` inside a scope. If it throws out of the outermost scope,
    /// `on_exit` receives the exception as well; it is then rethrown.
    template <class F>
    decltype(auto) run(F&& body) {
        scope const level = enter();
        try {
            return std::invoke(std::forward<F>(body));
        } catch (...) {
            if (depth_ == 1) exception_ = std::current_exception();
            throw;
        }
    }

    /// Whether a scope is open.
    bool in_progress() const noexcept { return depth_ > 0; }

    /// Adds `delta` to the counter `Name`; an absent counter counts as 0.
    template <fixed_string Name, class V>
    void increment(V&& delta) {
        if constexpr (detail::check_increment<Schema, Name, V>()) {
            require_scope("increment", {Name.view()});
            access::increment<Name>(record_, std::forward<V>(delta));
        }
    }

    /// Sets the value `Name`; throws `metrics_error` if it was set before in
    /// this record, naming where.
    template <fixed_string Name, class V>
    void set(V&& value, call_site where = call_site::current()) {
        if constexpr (detail::check_set<Schema, Name, V>()) set_value<Name>(std::forward<V>(value), false, where);
    }

    /// Sets the value `Name`, replacing any earlier one.
    template <fixed_string Name, class V>
    void set(V&& value, overwrite_t, call_site where = call_site::current()) {
        if constexpr (detail::check_set<Schema, Name, V>()) set_value<Name>(std::forward<V>(value), true, where);
    }

    /// Sets several values, all or nothing: if any was set before, throws
    /// `metrics_error` naming them and records none.
    /// `ctx.update(tmx::arg<"a"> = 1.0, tmx::arg<"b"> = "x");`
    template <class... Args>
    void update(Args&&... args) {
        if constexpr (detail::check_named_values<Schema, Args...>()) {
            update_values("update", false, std::forward<Args>(args)...);
        }
    }

    /// Sets several values, replacing earlier ones.
    template <class... Args>
    void update(overwrite_t, Args&&... args) {
        if constexpr (detail::check_named_values<Schema, Args...>()) {
            update_values("update", true, std::forward<Args>(args)...);
        }
    }

    /// `update`, applied only in the outermost scope (depth 1); deeper it does nothing.
    template <class... Args>
    void update_outer(Args&&... args) {
        if constexpr (detail::check_named_values<Schema, Args...>()) {
            if (depth_ <= 1) update_values("update_outer", false, std::forward<Args>(args)...);
        }
    }

    /// `update(overwrite, ...)`, applied only in the outermost scope.
    template <class... Args>
    void update_outer(overwrite_t, Args&&... args) {
        if constexpr (detail::check_named_values<Schema, Args...>()) {
            if (depth_ <= 1) update_values("update_outer", true, std::forward<Args>(args)...);
        }
    }

    /// Inserts `element` into the set `Name`; duplicates collapse.
    template <fixed_string Name, class V>
    void add_to_set(V&& element) {
        if constexpr (detail::check_add_to_set<Schema, Name, V>()) {
            require_scope("add", {Name.view()});
            using element_type = typename metric_t<Schema, Name>::value_type;
            access::modify<Name>(record_, [&](auto& set) { set.insert(element_type{std::forward<V>(element)}); });
        }
    }

    /// Sets `map[key] = value` in the map `Name`; a repeated key is overwritten.
    template <fixed_string Name, class K, class V>
    void set_key_value(K&& key, V&& value) {
        if constexpr (detail::check_set_key_value<Schema, Name, K, V>()) {
            require_scope("set", {Name.view()});
            using metric = metric_t<Schema, Name>;
            access::modify<Name>(record_, [&](auto& map) {
                map.insert_or_assign(typename metric::key_type{std::forward<K>(key)},
                                     typename metric::value_type{std::forward<V>(value)});
            });
        }
    }

    /// Adds `(key, value)` to the ranking `Name`. Outside a scope it does
    /// nothing, as in the Python original.
    template <fixed_string Name, class K, class V>
    void add_top_n(K&& key, V&& value) {
        if constexpr (detail::check_add_top_n<Schema, Name, K, V>()) {
            if (depth_ == 0) return;
            using metric = metric_t<Schema, Name>;
            access::modify<Name>(record_, [&](auto& ranking) {
                ranking.add(typename metric::key_type{std::forward<K>(key)},
                            typename metric::value_type{std::forward<V>(value)});
            });
        }
    }

private:
    // `update` cannot capture its caller's location: a parameter pack leaves
    // no room for a defaulted `call_site` after it.
    static constexpr call_site update_site{"an update(...) call", 0};

    void require_scope(std::string_view operation, std::initializer_list<std::string_view> names) const {
        if (depth_ == 0) [[unlikely]] detail::raise_outside_scope(operation, names);
    }

    // The operations below run after their call's checks passed.

    template <fixed_string Name, class V>
    void set_value(V&& value, bool overwrite, call_site where) {
        require_scope("set", {Name.view()});
        if (!overwrite && record_.template contains<Name>()) [[unlikely]] raise_already_set<Name>();
        store<Name>(typename metric_t<Schema, Name>::value_type{std::forward<V>(value)}, where);
    }

    template <class... Args>
    void update_values(std::string_view operation, bool overwrite, Args&&... args) {
        require_scope(operation, {std::remove_cvref_t<Args>::name.view()...});
        if (!overwrite && (record_.template contains<std::remove_cvref_t<Args>::name>() || ...)) [[unlikely]] {
            raise_already_set<std::remove_cvref_t<Args>::name...>();
        }
        // Build every new value first: if one throws, nothing was written.
        std::tuple<typename metric_t<Schema, std::remove_cvref_t<Args>::name>::value_type...> values{
            typename metric_t<Schema, std::remove_cvref_t<Args>::name>::value_type{args.forward()}...};
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (store<std::remove_cvref_t<Args>::name>(std::get<I>(std::move(values)), update_site), ...);
        }(std::index_sequence_for<Args...>{});
    }

    template <fixed_string Name, class T>
    void store(T&& value, call_site where) noexcept {
        if (access::store<Name>(record_, std::forward<T>(value))) {
            first_set_[index_of<Name>()] = where;
        }
    }

    template <fixed_string... Names>
    [[noreturn, gnu::cold, gnu::noinline]] void raise_already_set() const {
        std::vector<detail::set_before> recorded;
        ((record_.template contains<Names>() ? recorded.push_back({Names.view(), first_set_[index_of<Names>()]})
                                             : void()),
         ...);
        detail::raise_already_set(recorded);
    }

    template <fixed_string Name>
    static constexpr std::size_t index_of() noexcept {
        return std::remove_cvref_t<decltype(detail::slot_of<Name>(std::declval<typename Schema::storage&>()))>::index;
    }

    void leave(bool unwinding) noexcept {
        if (--depth_ > 0) return;
        exit_info<Schema> const info{start_ns_, options_.clock(), record_, std::exchange(exception_, nullptr),
                                     unwinding};
        if (!on_exit_) return;
        try {
            on_exit_(info);
        } catch (...) {
            report(std::current_exception());
        }
    }

    void report(std::exception_ptr error) const noexcept {
        try {
            if (options_.on_error) options_.on_error(error);
        } catch (...) {
            // The hook itself failed: there is nowhere left to report to, and
            // a destructor is on the stack.
        }
    }

    // Declared before record_ so that this context, not its record, is where
    // the schema is first instantiated: one level less in its diagnostics.
    std::array<call_site, Schema::size> first_set_{};  // meaningful where the value is present
    record<Schema> record_;
    int depth_ = 0;
    std::int64_t start_ns_ = 0;
    std::exception_ptr exception_;  // captured by run() in the outermost scope
    on_exit_fn on_exit_;
    context_options options_;
};

}  // namespace typed_metrics
