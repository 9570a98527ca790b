# SPDX-License-Identifier: BSL-1.0
# cmake <compiler_script_args> -DCLANG=clang++-19 -DROOT=<source dir> -DWORK=<dir> "-DHEADERS=a.hpp;b.hpp"
#       -P check.cmake   (compiler_script_args: tests/CMakeLists.txt)
#
# The headers with libc++, whose private headers differ from libstdc++'s:
# every public header in HEADERS compiles on its own, the schema identities
# of tests/static/schema_id.cpp hold, and three examples
# build and run (json_lines and per_thread write through json_lines_sink's
# fallback, libc++ 19 lacking std::syncbuf). Prints "libc++ test skipped"
# (which CTest reads as a skip) when CLANG or its libc++ is missing.
include(${CMAKE_CURRENT_LIST_DIR}/../support/compiler_flags.cmake)
set(strict ${TARGET_FLAGS} -stdlib=libc++)
if(NOT CLANG)
  message("libc++ test skipped: clang++-19 not found (scripts/install-deps.sh installs it)")
  return()
endif()
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/is_libcxx.cpp "#include <version>\n#ifndef _LIBCPP_VERSION\n#error not libc++\n#endif\n")
execute_process(COMMAND ${CLANG} ${strict} -fsyntax-only ${WORK}/is_libcxx.cpp RESULT_VARIABLE no_libcxx
                OUTPUT_QUIET ERROR_QUIET)
if(no_libcxx)
  message("libc++ test skipped: ${CLANG} finds no libc++ (Debian: libc++-19-dev)")
  return()
endif()

set(failures "")
foreach(header IN LISTS HEADERS)
  get_filename_component(name ${header} NAME_WE)
  file(WRITE ${WORK}/${name}.cpp "#include <typed_metrics/${name}.hpp>\n")
  execute_process(COMMAND ${CLANG} ${strict} -fsyntax-only ${WORK}/${name}.cpp RESULT_VARIABLE result
                  ERROR_VARIABLE output OUTPUT_VARIABLE output)
  if(NOT result EQUAL 0)
    message("typed_metrics/${name}.hpp does not compile with libc++:\n${output}")
    list(APPEND failures ${name}.hpp)
  endif()
endforeach()

# The schema's identities, which must be the same as with libstdc++
# (tests/static/schema_id.cpp holds them).
execute_process(COMMAND ${CLANG} ${strict} -fsyntax-only ${ROOT}/tests/static/schema_id.cpp RESULT_VARIABLE result
                ERROR_VARIABLE output OUTPUT_VARIABLE output)
if(NOT result EQUAL 0)
  message("tests/static/schema_id.cpp does not compile with libc++:\n${output}")
  list(APPEND failures schema_id.cpp)
endif()

# Each example and a regular expression its output must match.
set(examples readme json_lines per_thread)
set(readme_output "^{graph_breaks: 1, backend: \"inductor\"}\n$")
set(json_lines_output "^{\"start_ns\":[0-9]+,.*\"exception\":\"codegen: no kernel for 'fft'\"")
set(per_thread_output "^100 whole lines from 4 threads\n$")
foreach(example IN LISTS examples)
  execute_process(COMMAND ${CLANG} ${strict} -I${ROOT}/examples -pthread ${ROOT}/examples/${example}.cpp -o
                          ${WORK}/${example} RESULT_VARIABLE result ERROR_VARIABLE output OUTPUT_VARIABLE output)
  if(result EQUAL 0)
    execute_process(COMMAND ${WORK}/${example} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0 OR NOT output MATCHES "${${example}_output}")
      set(result "printed [${output}]")
    endif()
  endif()
  if(NOT result EQUAL 0)
    message("examples/${example}.cpp with libc++: ${result}\n${output}")
    list(APPEND failures ${example}.cpp)
  endif()
endforeach()

if(failures)
  message(FATAL_ERROR "with libc++ (${CLANG}): ${failures}")
endif()
list(LENGTH HEADERS count)
message(STATUS "with libc++: ${count} headers compile, the schema identities hold, ${examples} run")
