// SPDX-License-Identifier: BSL-1.0
// Types a record cannot store, for the schema probes.
#pragma once

#include <typed_metrics/typed_metrics.hpp>

#include <ostream>
#include <string>

namespace tmx = typed_metrics;

// No operator<<: a record could not print it.
struct opaque {
    friend bool operator==(opaque, opaque) = default;
};

// No operator<: a set, a map or a ranking could not order it.
struct unordered {
    int value = 0;
    friend bool operator==(unordered, unordered) = default;
    friend std::ostream& operator<<(std::ostream& out, unordered u) { return out << u.value; }
};

// A move that may throw: update could not be all or nothing.
struct throwing_move {
    throwing_move() = default;
    throwing_move(throwing_move const&) = default;
    throwing_move& operator=(throwing_move const&) noexcept(false) { return *this; }
    friend bool operator==(throwing_move, throwing_move) = default;
    friend std::ostream& operator<<(std::ostream& out, throwing_move) { return out << "throwing_move"; }
};
