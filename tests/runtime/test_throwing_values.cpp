// SPDX-License-Identifier: BSL-1.0
// Value, key and element types that throw on copy, move or comparison at
// their k-th call: every operation leaves the record as it was when one
// throws, and an instance counter shows nothing leaked or destroyed twice.
#define BOOST_TEST_MODULE throwing_values
#include <boost/test/unit_test.hpp>

#include "../support/fault_injection.hpp"

#include <ostream>
#include <stdexcept>
#include <string>

namespace tmx = typed_metrics;

namespace {

fault::countdown hostile_calls;  // armed at the k-th copy, move or comparison
long live_instances = 0;

struct hostile_error : std::runtime_error {
    hostile_error() : std::runtime_error("hostile value") {}
};

void maybe_throw() {
    if (hostile_calls.fire()) throw hostile_error{};
}

// Throws from copies, moves and comparisons when the fault fires. With
// `NothrowMove`, moves never throw: what value metrics require.
template <bool NothrowMove>
struct hostile {
    int v = 0;

    hostile() { ++live_instances; }
    hostile(int x) : v{x} { ++live_instances; }
    hostile(hostile const& other) : v{other.v} {
        maybe_throw();
        ++live_instances;
    }
    hostile(hostile&& other) noexcept(NothrowMove) : v{other.v} {
        if constexpr (!NothrowMove) maybe_throw();
        ++live_instances;
    }
    hostile& operator=(hostile const& other) {
        maybe_throw();
        v = other.v;
        return *this;
    }
    hostile& operator=(hostile&& other) noexcept(NothrowMove) {
        if constexpr (!NothrowMove) maybe_throw();
        v = other.v;
        return *this;
    }
    ~hostile() { --live_instances; }

    friend bool operator==(hostile const& a, hostile const& b) {
        maybe_throw();
        return a.v == b.v;
    }
    friend bool operator<(hostile const& a, hostile const& b) {
        maybe_throw();
        return a.v < b.v;
    }
    friend std::ostream& operator<<(std::ostream& out, hostile const& h) { return out << h.v; }
};

using element = hostile<false>;
using value_type = hostile<true>;

struct hostile_schema
    : tmx::schema<tmx::value<"v1", value_type>, tmx::value<"v2", value_type>, tmx::value<"v3", value_type>,
                  tmx::set_of<"elements", element>, tmx::map_of<"pairs", element, element>,
                  tmx::top_n_of<"top", value_type, value_type, 3>> {};

using context_type = tmx::metrics_context<hostile_schema>;

template <class Setup, class Operation>
void check_strong_guarantee(Setup setup, Operation operation) {
    long const live_before = live_instances;
    fault::check_strong_guarantee<hostile_schema, hostile_error>(hostile_calls, setup, operation);
    BOOST_TEST(live_instances == live_before);  // every instance made was destroyed, once
}

void no_setup(context_type&) {}
void some_setup(context_type& c) {
    c.set<"v1">(value_type{1});
    for (int i = 0; i < 5; ++i) c.add_to_set<"elements">(element{i * 10});
    for (int i = 0; i < 5; ++i) c.set_key_value<"pairs">(element{i * 10}, element{i});
    for (int i = 0; i < 4; ++i) c.add_top_n<"top">(value_type{i}, value_type{i * 2});
}

}  // namespace

BOOST_AUTO_TEST_CASE(set_and_update_of_values_that_throw_on_copy) {
    value_type const seven{7};
    check_strong_guarantee(no_setup, [&](context_type& c) { c.set<"v2">(seven); });
    check_strong_guarantee(some_setup, [&](context_type& c) { c.set<"v1">(tmx::overwrite, seven); });
    check_strong_guarantee(some_setup, [&](context_type& c) {
        c.update(tmx::overwrite, tmx::arg<"v1"> = seven, tmx::arg<"v2"> = seven, tmx::arg<"v3"> = seven);
    });
}

BOOST_AUTO_TEST_CASE(sets_and_maps_of_elements_that_throw_on_copy_move_and_comparison) {
    element const fresh{25};
    element const existing{20};
    check_strong_guarantee(no_setup, [&](context_type& c) { c.add_to_set<"elements">(fresh); });
    check_strong_guarantee(some_setup, [&](context_type& c) { c.add_to_set<"elements">(fresh); });
    check_strong_guarantee(some_setup, [&](context_type& c) { c.set_key_value<"pairs">(fresh, existing); });
    check_strong_guarantee(no_setup, [&](context_type& c) { c.set_key_value<"pairs">(fresh, existing); });
    // Searched first: an element already there, a key already there (its value replaced).
    check_strong_guarantee(some_setup, [&](context_type& c) { c.add_to_set<"elements">(existing); });
    check_strong_guarantee(some_setup, [&](context_type& c) { c.set_key_value<"pairs">(existing, fresh); });
}

// Rankings: keys and values whose copies and comparisons throw (their moves
// may not: add moves the new entry into its slot last).
BOOST_AUTO_TEST_CASE(rankings_of_keys_that_throw_on_copy_and_comparison) {
    value_type const key{9};
    value_type const large{100};
    value_type const small{0};
    check_strong_guarantee(no_setup, [&](context_type& c) { c.add_top_n<"top">(key, large); });
    check_strong_guarantee(some_setup, [&](context_type& c) { c.add_top_n<"top">(key, large); });
    check_strong_guarantee(some_setup, [&](context_type& c) { c.add_top_n<"top">(key, small); });
}

BOOST_AUTO_TEST_CASE(no_instance_outlives_its_context) {
    BOOST_TEST(live_instances == 0);
}
