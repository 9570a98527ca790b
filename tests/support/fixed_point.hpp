// SPDX-License-Identifier: BSL-1.0
// A value type whose template has a default argument: g++ spells it as the
// file that first named it did (`fixed<16>` or `fixed<16, 0>`), so its name
// is not the same in every file, and it declares the name its schema's
// identity uses.
#pragma once

#include <typed_metrics/schema_id.hpp>

#include <string_view>

namespace app {

template <int Bits, int Fraction = 0>
struct fixed {
    long raw = 0;
    friend bool operator==(fixed, fixed) = default;
    friend auto operator<=>(fixed, fixed) = default;
    template <class Ostream>
    friend Ostream& operator<<(Ostream& out, fixed value) {
        return out << value.raw;
    }
};

}  // namespace app

template <>
inline constexpr std::string_view typed_metrics::schema_type_name<app::fixed<16>> = "app::fixed16";
