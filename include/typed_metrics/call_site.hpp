// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#if __has_include(<source_location>)
#include <source_location>
#endif

namespace typed_metrics {

/// Where a metric was written: what the "already been set" error points to.
///
/// Uses `std::source_location` where the standard library provides it, and
/// the `__builtin_FILE`/`__builtin_LINE` intrinsics otherwise (clang 14 with
/// libstdc++ 12 has the header but not the feature).
struct call_site {
    char const* file = "<unknown>";
    std::uint_least32_t line = 0;

#if defined(__cpp_lib_source_location)
    static constexpr call_site current(std::source_location where = std::source_location::current()) noexcept {
        return {where.file_name(), where.line()};
    }
#else
    static constexpr call_site current(char const* file = __builtin_FILE(),
                                       std::uint_least32_t line = __builtin_LINE()) noexcept {
        return {file, line};
    }
#endif
};

}  // namespace typed_metrics
