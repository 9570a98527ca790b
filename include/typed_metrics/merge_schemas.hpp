// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <typed_metrics/detail/always_false.hpp>
#include <typed_metrics/schema.hpp>

namespace typed_metrics {
namespace detail {

// The `schema<...>` a schema type is or derives from (`struct S : schema<...> {}`).
template <class... Metrics>
schema<Metrics...> schema_base(schema<Metrics...> const*);

template <class T>
concept is_schema = requires(T const* part) { detail::schema_base(part); };

// A part that is not a schema counts as an empty one, after check_merge_parts
// reported it: one error, not two.
template <class Part>
struct schema_of {
    using type = schema<>;
};

template <is_schema Part>
struct schema_of<Part> {
    using type = decltype(schema_base(static_cast<Part const*>(nullptr)));
};

template <class... Parts>
struct merged {
    using type = schema<>;
};

template <class Part>
struct merged<Part> {
    using type = Part;
};

template <class... First, class... Second, class... Rest>
struct merged<schema<First...>, schema<Second...>, Rest...> : merged<schema<First..., Second...>, Rest...> {};

template <class... Parts>
consteval bool check_merge_parts() {
    if constexpr (!(is_schema<Parts> && ...)) {
        static_assert(always_false<Parts...>,
                      "typed_metrics: merge_schemas<Parts...> requires every part to be a schema<...>");
    }
    return true;
}

}  // namespace detail

/// One schema holding the metrics of every part, in order: modules declare
/// their part in their own header and the program merges them,
///
///     struct compile_metrics : tmx::merge_schemas<frontend_metrics, backend_metrics> {};
///
/// A name declared by two parts is the schema's duplicate-name error.
template <class... Parts>
    requires(detail::check_merge_parts<Parts...>())
using merge_schemas = typename detail::merged<typename detail::schema_of<Parts>::type...>::type;

}  // namespace typed_metrics
