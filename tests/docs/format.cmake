# SPDX-License-Identifier: BSL-1.0
# cmake -DCLANG_FORMAT=clang-format-19 -DROOT=<source dir> -P format.cmake
#
# The C++ sources follow .clang-format: clang-format --dry-run --Werror over
# include/, tests/, examples/ and benchmarks/. Not the compile-fail probes,
# whose lines docs/errors.md quotes and their harness reads line by line.
# Prints "format test skipped" (a skip for CTest) without clang-format 19:
# clang-format 14 misformats code after a requires-clause.
if(NOT CLANG_FORMAT)
  message("format test skipped: clang-format-19 not found (scripts/install-deps.sh installs it)")
  return()
endif()
file(GLOB_RECURSE sources RELATIVE ${ROOT} ${ROOT}/include/*.hpp ${ROOT}/tests/*.cpp ${ROOT}/tests/*.hpp
     ${ROOT}/examples/*.cpp ${ROOT}/examples/*.hpp ${ROOT}/benchmarks/*.cpp)
list(FILTER sources EXCLUDE REGEX "^tests/compile_fail/")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources} WORKING_DIRECTORY ${ROOT}
                RESULT_VARIABLE result ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "not formatted as .clang-format says (clang-format-19 -i <file> fixes it):\n${output}")
endif()
list(LENGTH sources count)
message(STATUS "${count} files formatted")
