// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <string_view>
#include <type_traits>

namespace typed_metrics::detail {

template <class T>
inline constexpr bool is_string_view = false;
template <class Char, class Traits>
inline constexpr bool is_string_view<std::basic_string_view<Char, Traits>> = true;

// `std::span` and the spans shaped like it (gsl::span), told by their
// members: including <span> would cost every file that records
// (see docs/design.md, Compile-time rules).
template <class T>
concept span_like = requires(T const& span) {
    typename T::element_type;
    T::extent;
    span.data();
    span.size();
};

// A type that refers to data it does not own: a pointer (a C string too), a
// string view or a span. A record outlives the calls that wrote it, so it
// must not hold one: the data may be gone when the record is exported.
template <class T>
concept non_owning = std::is_pointer_v<T> || std::is_member_pointer_v<T> || std::is_null_pointer_v<T> ||
                     is_string_view<std::remove_cv_t<T>> || span_like<T>;

}  // namespace typed_metrics::detail
