// SPDX-License-Identifier: BSL-1.0
// Replaces the global operator new and delete of the test executable that
// includes this header (in one source file), calling `on_allocation()`,
// which that test defines, before every allocation: to count allocations,
// or to make one fail.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

void on_allocation();

// g++ inlines these replacements into their callers and then takes the
// malloc/free pair for a mismatch with new/delete.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
    on_allocation();
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc{};
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
