// SPDX-License-Identifier: BSL-1.0
#pragma once

// std::function alone: <functional> would cost every file that records (see
// docs/design.md, Compile-time rules). <bits/std_function.h> is libstdc++'s
// private header for it; any other standard library, or a libstdc++ without
// that header, gets <functional>.
#include <version>  // defines __GLIBCXX__ under libstdc++
#if defined(__GLIBCXX__) && __has_include(<bits/std_function.h>)
#include <bits/std_function.h>
#else
#include <functional>
#endif
