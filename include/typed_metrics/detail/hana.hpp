// SPDX-License-Identifier: BSL-1.0
#pragma once

// The Boost.Hana headers the library uses, included here so that Hana's own
// warnings stay Hana's: where Boost is not a system folder (`-I` rather than
// `-isystem`), clang reports Hana's comma folds (`-Wunused-value`) and, from
// clang 20, its `operator"" _c` (`-Wdeprecated-literal-operator`) in code
// that only includes this library. The pragmas cover the lines of these
// headers, where those warnings point, also when a template of theirs is
// instantiated later. g++ 12 reports none of them.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wunknown-warning-option"
#pragma clang diagnostic ignored "-Wunused-value"
#pragma clang diagnostic ignored "-Wdeprecated-literal-operator"
#endif

#include <boost/hana/for_each.hpp>
#include <boost/hana/pair.hpp>
#include <boost/hana/string.hpp>
#include <boost/hana/transform.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>

#if defined(__clang__)
#pragma clang diagnostic pop
#endif
