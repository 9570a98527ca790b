# SPDX-License-Identifier: BSL-1.0
# cmake <compiler_script_args> -DCOMPILER_NAME=gcc|clang -DSOURCE=probe.cpp [-DSTD=gnu++20] [-DOUTPUT=file]
#       -P check.cmake
# (compiler_script_args: tests/CMakeLists.txt)
#
# Passes when SOURCE compiles without TYPED_METRICS_PROBE (the must-compile
# twin) and, with it, fails with exactly one `error:` line, which contains
# the text of the source's `// expect: ` line (or matches the regular
# expression of its `// expect-regex: ` line, for diagnostics the compiler
# words itself), in at most 15 lines of output, or the number its
# `// max-lines-gcc: ` or `// max-lines-clang: ` line gives for this compiler,
# and holds the text of a `// expect-output: ` line if there is one.
# Where the library prints sentences (diagnostic_form, probe.cmake), the
# first error ends instead with the exact text of the source's
# `// expect-sentence: ` line, if it has one (a probe of a mistake the
# library reports by a literal message has none), and `// expect-output: `
# is not checked: it names text of the literal form.
# A probe of this folder whose mistake is a call (its message names an
# operation) asserts first, in each branch, what the matching public concept
# (`tmx::can_increment`, ..., `tmx::declared_metric` for reads) says of that
# call: false for the mistake, true for the twin; so the concepts and the
# checks cannot drift apart. (The README's probe, examples/readme.cpp, shows
# only the user's line; unknown_metric.cpp asserts the same call.)
# -DSTD=gnu++20 compiles in that dialect (CMakeLists.txt passes it for the
# probes with a `// also-std: gnu++20` line); the target's (c++20) otherwise.
# -DOUTPUT keeps what the compiler printed for the probe in that file.
include(${CMAKE_CURRENT_LIST_DIR}/probe.cmake)

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
get_filename_component(source_folder ${SOURCE} DIRECTORY)
if(source_folder STREQUAL CMAKE_CURRENT_LIST_DIR AND expected MATCHES
                                                   "^typed_metrics: (increment|set|add_to_set|set_key_value|add_top_n|update|record)[<(.]")
  if(NOT source_text MATCHES "#ifdef TYPED_METRICS_PROBE\n *static_assert\\(!tmx::(can_[a-z_]+|declared_metric)<"
     OR NOT source_text MATCHES "\n#else\n *static_assert\\(tmx::(can_[a-z_]+|declared_metric)<")
    message(FATAL_ERROR "${SOURCE}: a call's probe must start each branch with static_assert(!tmx::can_...<...>) "
                        "for the mistake and static_assert(tmx::can_...<...>) for the twin")
  endif()
endif()
diagnostic_form(form)
set(is_sentence FALSE)
if(form STREQUAL "sentence" AND source_text MATCHES "\n// expect-sentence: ([^\n]*)")
  set(expected "${CMAKE_MATCH_1}")
  set(is_sentence TRUE)
endif()
set(max_lines 15)
if(source_text MATCHES "\n// max-lines-${COMPILER_NAME}: ([0-9]+)")
  set(max_lines ${CMAKE_MATCH_1})
endif()

compile_probe(${SOURCE} FALSE twin_result twin_output)
if(NOT twin_result EQUAL 0)
  message(FATAL_ERROR "the must-compile twin of ${SOURCE} does not compile:\n${twin_output}")
endif()

compile_probe(${SOURCE} TRUE probe_result output)
if(OUTPUT)
  file(WRITE ${OUTPUT} "${output}")  # what docs.diagnostics compares with the docs
endif()
if(probe_result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled with TYPED_METRICS_PROBE; it must not")
endif()
summarize_output("${output}" lines error_count first_error)

if(is_sentence)
  # The whole message: the first error line ends with it.
  string(LENGTH "${first_error}" error_length)
  string(LENGTH ": ${expected}" expected_length)
  set(match "")
  if(error_length GREATER_EQUAL expected_length)
    math(EXPR tail_start "${error_length} - ${expected_length}")
    string(SUBSTRING "${first_error}" ${tail_start} -1 tail)
    if(tail STREQUAL ": ${expected}")
      set(match "${expected}")
    endif()
  endif()
elseif(is_regex)
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
# A `// expect-output: ` line names text that the whole output must hold
# too, such as a name spelled out in a note.
if(NOT form STREQUAL "sentence" AND source_text MATCHES "\n// expect-output: ([^\n]*)")
  string(FIND "${output}" "${CMAKE_MATCH_1}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "the output lacks [${CMAKE_MATCH_1}]:\n${output}")
  endif()
endif()
if(lines GREATER max_lines)
  message(FATAL_ERROR "${lines} lines of diagnostics, more than ${max_lines}:\n${output}")
endif()
message(STATUS "ok: ${lines} lines: ${first_error}")
