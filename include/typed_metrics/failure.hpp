// SPDX-License-Identifier: BSL-1.0
// What an exception that ended a unit of work says, as the two columns PyTorch's
// MetricsContext users record for a failed unit: its type (`fail_type`) and
// its message (`fail_reason`).
#pragma once

#include <typed_metrics/detail/describe_exception.hpp>

#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>
// The Itanium C++ ABI (g++, clang++, with libstdc++ or libc++) names the type
// of any exception in flight, std::exception or not, and demangles it.
#if __has_include(<cxxabi.h>)
#include <cxxabi.h>
#endif

namespace typed_metrics {
namespace detail {

// What `std::throw_with_nested(e)` throws is a class of the standard library
// deriving from both `e`'s type and std::nested_exception: the type the
// thrower wrote is the one between these brackets (libstdc++'s, then
// libc++'s, whose demangler leaves out its inline namespace `__1`).
inline constexpr std::string_view nested_wrappers[] = {"std::_Nested_exception<", "std::__nested<",
                                                       "std::__1::__nested<"};

inline std::string without_nested_wrapper(std::string name) {
    for (std::string_view wrapper : nested_wrappers) {
        if (name.size() > wrapper.size() && std::string_view(name).starts_with(wrapper) && name.back() == '>') {
            return name.substr(wrapper.size(), name.size() - wrapper.size() - 1);
        }
    }
    return name;
}

#if __has_include(<cxxabi.h>)
// The demangled name, or the mangled one if it does not demangle.
inline std::string readable_name(std::type_info const& type) {
    struct malloced {
        char* text;
        ~malloced() { std::free(text); }
    };
    int status = 0;
    malloced const demangled{abi::__cxa_demangle(type.name(), nullptr, nullptr, &status)};
    return status == 0 && demangled.text != nullptr ? demangled.text : type.name();
}
#endif

}  // namespace detail

/// The type of the exception `error` holds, as its source spells it, demangled
/// (`std::runtime_error`, `int`, `my::parse_error`); for what
/// `std::throw_with_nested(e)` threw, `e`'s type. Empty for a null `error`.
/// Without the Itanium C++ ABI (`<cxxabi.h>`), the compiler's own
/// `typeid(e).name()` for a std::exception and "unknown" for any other.
inline std::string failure_type(std::exception_ptr error) {
    if (!error) return {};
    try {
        std::rethrow_exception(error);
    } catch (...) {
#if __has_include(<cxxabi.h>)
        std::type_info const* const type = abi::__cxa_current_exception_type();
        return type != nullptr ? detail::without_nested_wrapper(detail::readable_name(*type)) : "unknown";
#else
        try {
            throw;
        } catch (std::exception const& e) {
            return typeid(e).name();
        } catch (...) {
            return "unknown";
        }
#endif
    }
}

/// What the exception `error` holds says: its `what()`, or "an exception not
/// derived from std::exception"; then, for each exception nested in it
/// (`std::throw_with_nested`, std::nested_exception), "; caused by <its
/// type>: <what it says>", outermost first. Empty for a null `error`.
inline std::string failure_reason(std::exception_ptr error) {
    std::string reason;
    while (error) {
        reason += detail::describe_exception(error);
        std::exception_ptr cause;
        try {
            std::rethrow_exception(error);
        } catch (std::nested_exception const& nested) {
            cause = nested.nested_ptr();
        } catch (...) {
            // Nothing nested in it.
        }
        if (cause) {
            reason += "; caused by ";
            reason += failure_type(cause);
            reason += ": ";
        }
        error = std::move(cause);
    }
    return reason;
}

}  // namespace typed_metrics
