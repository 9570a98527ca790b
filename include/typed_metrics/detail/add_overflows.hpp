// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <type_traits>

namespace typed_metrics::detail {

// `counter += step` for an integer type, wrapped, and whether the exact sum
// leaves the type: what __builtin_add_overflow(counter, step, &counter)
// computes. On x86-64 it is one add to memory and a branch on the flag it
// sets (overflow when signed, carry when not): g++ 12 compiles the builtin on
// a counter in memory to a load, an add and a store, and a constant step to a
// register first (docs/design.md, "Counters"). The step is given in a
// register, whose size names the add's.
template <class T>
[[gnu::always_inline]] inline bool add_overflows(T& counter, T step) noexcept {
#if defined(__x86_64__) && defined(__GCC_ASM_FLAG_OUTPUTS__)
    bool overflowed;
    if constexpr (std::is_signed_v<T>) {
        __asm__("add %2, %0" : "+m"(counter), "=@cco"(overflowed) : "r"(step));
    } else {
        __asm__("add %2, %0" : "+m"(counter), "=@ccc"(overflowed) : "r"(step));
    }
    return overflowed;
#else
    return __builtin_add_overflow(counter, step, &counter);
#endif
}

}  // namespace typed_metrics::detail
