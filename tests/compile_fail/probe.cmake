# SPDX-License-Identifier: BSL-1.0
# Shared by check.cmake and tests/docs/diagnostics.cmake: compiling a probe
# and reading what the compiler printed. Expects COMPILER and the target's
# flags (compiler_script_args, tests/CMakeLists.txt) to be set.
include(${CMAKE_CURRENT_LIST_DIR}/../support/compiler_flags.cmake)

# Compiles SOURCE with the target's flags, with TYPED_METRICS_PROBE when
# `probe` is TRUE.
function(compile_probe source probe out_result out_output)
  set(command ${COMPILER} ${TARGET_FLAGS} -fsyntax-only ${source})
  if(probe)
    list(APPEND command -DTYPED_METRICS_PROBE)
  endif()
  execute_process(COMMAND ${command} RESULT_VARIABLE result ERROR_VARIABLE output OUTPUT_VARIABLE output)
  set(${out_result} ${result} PARENT_SCOPE)
  set(${out_output} "${output}" PARENT_SCOPE)
endfunction()

# Counts the lines and the `error:` lines of a compiler's output, and finds
# the first `error:` line.
function(summarize_output output out_lines out_errors out_first_error)
  string(REGEX MATCHALL "\n" newlines "${output}")
  list(LENGTH newlines lines)
  string(REGEX MATCHALL "error:" errors "${output}")
  list(LENGTH errors error_count)
  string(REGEX MATCH "[^\n]*error:[^\n]*" first_error "${output}")
  set(${out_lines} ${lines} PARENT_SCOPE)
  set(${out_errors} ${error_count} PARENT_SCOPE)
  set(${out_first_error} "${first_error}" PARENT_SCOPE)
endfunction()

# The form of the library's diagnostics with these flags: `sentence` where
# the compiler takes a computed static_assert message (the message names
# the call, the metric and the types), `literal` elsewhere.
function(diagnostic_form out)
  execute_process(COMMAND ${COMPILER} ${TARGET_FLAGS} -E ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../support/diagnostic_form.cpp
                  RESULT_VARIABLE result OUTPUT_VARIABLE preprocessed ERROR_VARIABLE errors)
  if(NOT result EQUAL 0 OR NOT preprocessed MATCHES "diagnostic_form ([01])")
    message(FATAL_ERROR "cannot tell the form of diagnostics:\n${errors}")
  endif()
  if(CMAKE_MATCH_1)
    set(${out} sentence PARENT_SCOPE)
  else()
    set(${out} literal PARENT_SCOPE)
  endif()
endfunction()
