# SPDX-License-Identifier: BSL-1.0
# cmake -DCOMPILER=c++ -DFLAGS="-I..." -DSOURCE=probe.cpp -P check.cmake
#
# Passes when SOURCE compiles without TYPED_METRICS_PROBE and, with it, fails
# with exactly one `error:` line, which contains the text of the source's
# `// expect: ` line or matches the regular expression of its
# `// expect-regex: ` line (for diagnostics the compiler words itself).
# Read as one string: a list would split the expected text at its semicolons.
file(READ ${SOURCE} source_text)
if(NOT source_text MATCHES "\n// expect(-regex)?: ([^\n]*)")
  message(FATAL_ERROR "${SOURCE}: no '// expect: ' or '// expect-regex: ' line")
endif()
set(expected "${CMAKE_MATCH_2}")
set(is_regex FALSE)
if(CMAKE_MATCH_1)
  set(is_regex TRUE)
endif()

set(compile ${COMPILER} -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror ${FLAGS} ${SOURCE})

execute_process(COMMAND ${compile} RESULT_VARIABLE twin_result ERROR_VARIABLE twin_output OUTPUT_VARIABLE twin_output)
if(NOT twin_result EQUAL 0)
  message(FATAL_ERROR "the must-compile twin of ${SOURCE} does not compile:\n${twin_output}")
endif()

execute_process(COMMAND ${compile} -DTYPED_METRICS_PROBE RESULT_VARIABLE probe_result ERROR_VARIABLE output
                OUTPUT_VARIABLE output)
if(probe_result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled with TYPED_METRICS_PROBE; it must not")
endif()

string(REGEX MATCHALL "error:" errors "${output}")
list(LENGTH errors error_count)
string(REGEX MATCH "[^\n]*error:[^\n]*" first_error "${output}")
if(is_regex)
  string(REGEX MATCH "${expected}" match "${first_error}")
else()
  string(FIND "${first_error}" "${expected}" found)
  set(match "")
  if(NOT found EQUAL -1)
    set(match "${expected}")
  endif()
endif()
if(match STREQUAL "")
  # On one unwrapped line, so that the harness's own self-check can match it.
  message(STATUS "mismatch: expected [${expected}] first error [${first_error}]")
  message(FATAL_ERROR "the first error is not the expected one; full output:\n${output}")
endif()
if(NOT error_count EQUAL 1)
  message(FATAL_ERROR "expected exactly one error, got ${error_count}:\n${output}")
endif()
message(STATUS "ok: ${first_error}")
