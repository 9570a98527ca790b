// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/checks.hpp>
#include <typed_metrics/detail/add_overflows.hpp>
#include <typed_metrics/detail/duration.hpp>
#include <typed_metrics/detail/hana.hpp>
#include <typed_metrics/detail/hana_string.hpp>
#include <typed_metrics/detail/presence_bits.hpp>
#include <typed_metrics/detail/print.hpp>
#include <typed_metrics/detail/raise.hpp>
#include <typed_metrics/detail/slots.hpp>
#include <typed_metrics/fixed_string.hpp>
#include <typed_metrics/optional_ref.hpp>
#include <typed_metrics/schema.hpp>

#include <cstddef>
#include <iosfwd>
#include <string_view>
#include <type_traits>
#include <utility>

namespace typed_metrics {

namespace detail {
struct record_access;
}

/// Everything recorded for one unit of work: what `on_exit` receives.
///
/// Flat storage: one field per schema entry and one presence bit each, so a
/// scalar metric is recorded without allocating. A metric is "recorded" once
/// an operation wrote it; `get` on an unrecorded one is empty.
template <class Schema>
class record {
public:
    using schema_type = Schema;

    /// Whether `Name` was recorded.
    template <fixed_string Name>
    bool contains() const noexcept {
        if constexpr (detail::check_call<detail::operation::read, Schema, Name>()) {
            return present_[detail::slot_t<typename Schema::storage, Name>::index];
        } else {
            return false;
        }
    }

    /// The recorded metric, or an empty `optional_ref` when it was not recorded.
    template <fixed_string Name>
    auto get() const noexcept {
        if constexpr (detail::check_call<detail::operation::read, Schema, Name>()) {
            auto const& field = static_cast<detail::slot_t<typename Schema::storage, Name> const&>(fields_);
            using stored = typename metric_t<Schema, Name>::storage_type;
            return present_[field.index] ? optional_ref<stored>{field.value} : optional_ref<stored>{};
        } else {
            return optional_ref<int>{};  // never reached: the check above failed to compile
        }
    }

    /// The number of recorded metrics.
    std::size_t size() const noexcept { return present_.count(); }
    bool empty() const noexcept { return present_.none(); }

    /// Calls `f(name, value)` for every recorded metric, in schema order;
    /// `name` is a `std::string_view`, `value` the metric's storage type.
    template <class F>
    void for_each(F&& f) const {
        for_each_field([&](auto const& field) {
            using metric = typename std::remove_cvref_t<decltype(field)>::metric;
            if (present_[field.index]) f(metric::name.view(), field.value);
        });
    }

    /// Equal when the same metrics were recorded with equal values.
    friend bool operator==(record const& a, record const& b) {
        if (a.present_ != b.present_) return false;
        bool equal = true;
        a.for_each_field([&](auto const& field) {
            using slot = std::remove_cvref_t<decltype(field)>;
            if (a.present_[slot::index]) equal = equal && field.value == static_cast<slot const&>(b.fields_).value;
        });
        return equal;
    }

    /// Prints `{name: value, ...}` in schema order; strings are quoted and
    /// escaped, sets print as `{...}`, maps as `{key: value}`, top-N as
    /// `[(key, value), ...]`, largest first. (A template on the stream so that
    /// this header needs only <iosfwd>: the body is compiled where a record
    /// is printed.)
    template <class Ostream>
        requires std::is_base_of_v<std::ostream, Ostream>
    friend std::ostream& operator<<(Ostream& out, record const& r) {
        out << '{';
        char const* separator = "";
        r.for_each([&](std::string_view name, auto const& value) {
            out << std::exchange(separator, ", ") << name << ": ";
            detail::print_value(out, value);
        });
        return out << '}';
    }

    /// Makes a record a Hana `Struct`: its keys are the metric names as
    /// `hana::string`s and its members the `optional_ref`s that `get`
    /// returns, so that `hana::keys`, `hana::at_key`, `hana::to<hana::map_tag>`
    /// and the other `Struct` algorithms work on records.
    struct hana_accessors_impl {
        static constexpr auto apply() {
            return boost::hana::transform(Schema::metrics(), [](auto metric) {
                using metric_type = typename decltype(metric)::type;
                return boost::hana::make_pair(detail::hana_string<metric_type::name>,
                                              [](record const& r) { return r.template get<metric_type::name>(); });
            });
        }
    };

private:
    friend struct detail::record_access;

    // Visits every field (recorded or not) as its `detail::slot` base.
    template <class F>
    void for_each_field(F&& f) const {
        fields_.for_each(std::forward<F>(f));
    }

    typename Schema::storage fields_{};
    detail::presence_bits<Schema::size> present_{};
};

/// `record.get<Name>()` and `record.contains<Name>()` as functions, for code
/// where the record's type depends on a template parameter, such as a
/// generic `on_exit` lambda: `tmx::get<"n">(exit.metrics)` compiles where
/// `exit.metrics.get<"n">()` would need `.template` before `get`.
/// (Each checks the name itself, so that a diagnostic is as short as the members'.)
template <fixed_string Name, class Schema>
auto get(record<Schema> const& metrics) noexcept {
    if constexpr (detail::check_call<detail::operation::read, Schema, Name>()) {
        return metrics.template get<Name>();
    } else {
        return optional_ref<int>{};  // never reached: the check above failed to compile
    }
}

template <fixed_string Name, class Schema>
bool contains(record<Schema> const& metrics) noexcept {
    return detail::check_call<detail::operation::read, Schema, Name>() && metrics.template contains<Name>();
}

namespace detail {

// The write side of a record, for the contexts: a field is written through
// its slot in `fields`, then marked in a set of presence bits (the record's,
// or the context's while the record is open). When a record is cleared, every
// field not marked present still holds its default value (an absent counter
// is 0), so containers are reset only where present.
struct record_access {
    // The storage: a field is its `detail::slot_t<storage, Name>` base.
    // Not a template per name: a helper per name costs the compiler memory at
    // every call site (see docs/design.md, Compile-time rules).
    template <class Schema>
    [[gnu::always_inline]] static typename Schema::storage& fields(record<Schema>& r) noexcept {
        return r.fields_;
    }

    // The presence bits: which metrics the record holds.
    template <class Schema>
    [[gnu::always_inline]] static presence_bits<Schema::size>& presence(record<Schema>& r) noexcept {
        return r.present_;
    }

    // `+=` on a counter already marked present (an absent counter holds 0):
    // both contexts' `increment`, which mark it first. Only a nonzero count
    // overflows, and an absent counter is 0, so an increment that throws
    // finds the mark already set: the error path never asks whether this
    // call set it. A template per counter type, not per name. An integer sum
    // that leaves the counter's type throws `metrics_error` naming
    // `counter_name`, the counter unchanged: no undefined behaviour, no
    // silent wrap. Floating counters follow IEEE arithmetic.
    // A duration counter adds its count in its own unit, as its integer or
    // floating type would; a duration whose count in that unit does not fit
    // the type throws too.
    template <class T, class V>
    [[gnu::always_inline]] static void add(T& counter, V&& delta, std::string_view counter_name) {
        if constexpr (chrono_duration<T>) {
            T step{};
            if constexpr (std::is_floating_point_v<typename T::rep>) {
                step = T{std::forward<V>(delta)};
            } else if (!to_integer_duration(delta, step)) [[unlikely]] {
                raise_duration_too_large(counter_name);
            }
            typename T::rep count = counter.count();
            add(count, step.count(), counter_name);
            counter = T{count};
        } else {
            T const step{std::forward<V>(delta)};
            if constexpr (std::is_integral_v<T>) {
                // The sum is written in place (wrapped, on overflow) and the
                // error path takes it back: the fast path keeps no copy of
                // the old count.
                if (add_overflows(counter, step)) [[unlikely]]
                    undo_overflow(counter, step, counter_name);
            } else {
                counter += step;
            }
        }
    }

    // Forgets everything recorded (once per record, at its end). Out of
    // line: inlined into each of its callers, its walk over the fields is
    // compiled once per caller (docs/design.md, "A record handed to on_exit").
    template <class Schema>
    [[gnu::noinline]] static void clear(record<Schema>& r) noexcept {
        if (r.present_.none()) return;
        using storage = typename Schema::storage;
        if constexpr (std::is_trivially_copyable_v<storage>) {
            // One assignment (a memset): converting the storage to each of
            // its N bases costs the compiler O(N^2) (see docs/design.md, Compile-time rules).
            r.fields_ = storage{};
        } else {
            r.fields_.for_each([&](auto& field) {
                // Scalars are zeroed without a test: a chain of one test per
                // metric costs the optimiser time quadratic in the schema's size
                // (jump threading), and a store costs no more than the test.
                using stored = std::remove_cvref_t<decltype(field.value)>;
                if constexpr (std::is_trivially_copyable_v<stored>) {
                    field.value = stored{};
                } else if (r.present_[field.index]) {
                    reset(field.value);
                }
            });
        }
        r.present_.reset();
    }

private:
    template <class T>
    static void reset(T& value) noexcept {
        if constexpr (requires { value.clear(); }) {
            value.clear();
        } else {
            value = T{};
        }
    }
};

}  // namespace detail
}  // namespace typed_metrics
