# SPDX-License-Identifier: BSL-1.0
# cmake <compiler_script_args> -DMODE=write|check -DROOT=<source dir> -DCOMPILER_NAME=gcc|clang
#       -DBUILD_DIR=<build dir> "-DPROBES=a.cpp;b.cpp" -DOUTPUTS=<dir> -P diagnostics.cmake
#
# The compiler output that README.md and docs/errors.md quote, between
# `<!-- diagnostics-report: <compiler> <what> -->` (`<compiler>-sentences`
# where the library prints sentences, probe.cmake's diagnostic_form) and
# `<!-- /diagnostics-report -->` lines, where <what> is
#   table          the compiler's version, then per probe the lines printed,
#                  the `error:` lines and the first error's message;
#   output <probe> everything the compiler prints for the probe;
#   errors <probe> its `error:` and `note:` lines alone.
# Paths are made relative and positions in the library's headers left out:
# they move whenever a header changes, and the text says nothing by them.
# MODE=write compiles every probe and rewrites those blocks of COMPILER_NAME
# (the diagnostics-report target). MODE=check reads the output that each
# compile-fail test left in OUTPUTS/<probe>.txt and fails if a block differs
# (the docs.diagnostics test); it compares nothing when the docs were written
# with another version of the compiler.
include(${ROOT}/tests/compile_fail/probe.cmake)

set(documents ${ROOT}/README.md ${ROOT}/docs/errors.md)
# Blocks of the sentence form are named apart: `clang-sentences`.
diagnostic_form(form)
set(report_name ${COMPILER_NAME})
if(form STREQUAL "sentence")
  set(report_name ${COMPILER_NAME}-sentences)
endif()
set(open_marker "<!-- diagnostics-report: ${report_name} ")
set(close_marker "<!-- /diagnostics-report -->")

execute_process(COMMAND ${COMPILER} --version OUTPUT_VARIABLE version)
string(REGEX MATCH "^[^\n]*" version "${version}")

set(names "")
foreach(probe IN LISTS PROBES)
  get_filename_component(name ${probe} NAME_WE)
  list(APPEND names ${name})
  if(MODE STREQUAL "write")
    compile_probe(${probe} TRUE result output_${name})
  elseif(EXISTS ${OUTPUTS}/${name}.txt)
    file(READ ${OUTPUTS}/${name}.txt output_${name})
  else()
    message(FATAL_ERROR "no ${OUTPUTS}/${name}.txt: the test compile_fail.${name} writes it")
  endif()
endforeach()
list(SORT names)

# What a reader's build would print: paths from the include directory or the
# probe's folder, no positions in the library's headers.
function(normalized name out)
  set(text "${output_${name}}")
  foreach(dir IN ITEMS ${ROOT}/include/ ${ROOT}/tests/compile_fail/ ${ROOT}/examples/)
    string(REPLACE "${dir}" "" text "${text}")
  endforeach()
  string(REGEX REPLACE "(typed_metrics/[a-z_/]+\\.hpp):[0-9]+(:[0-9]+)?" "\\1" text "${text}")
  string(REGEX REPLACE "(^|\n) *[0-9]+ \\|" "\\1      |" text "${text}")  # g++'s quoted source line
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The text of the block `what` (without its markers).
function(render what out)
  if(what STREQUAL "table")
    set(text "${version}\n\n| probe | lines | errors | first error |\n|---|---:|---:|---|\n")
    foreach(name IN LISTS names)
      summarize_output("${output_${name}}" lines error_count first_error)
      string(REGEX REPLACE "^.*error: " "" first_error "${first_error}")
      string(REPLACE "|" "\\|" first_error "${first_error}")
      string(APPEND text "| ${name} | ${lines} | ${error_count} | `${first_error}` |\n")
    endforeach()
  elseif(what MATCHES "^output ([a-z_0-9]+)$")
    normalized(${CMAKE_MATCH_1} text)
    set(text "```text\n${text}```\n")
  elseif(what MATCHES "^errors ([a-z_0-9]+)$")
    normalized(${CMAKE_MATCH_1} all)
    string(REPLACE ";" "<semicolon>" all "${all}")  # so that the list below splits between lines only
    string(REGEX MATCHALL "[^\n]*: (error|note): [^\n]*\n" lines "${all}")
    string(REPLACE ";" "" lines "${lines}")
    string(REPLACE "<semicolon>" ";" lines "${lines}")
    set(text "```text\n${lines}```\n")
  else()
    message(FATAL_ERROR "unknown block '${what}'")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(stale "")
foreach(document IN LISTS documents)
  file(READ ${document} rest)
  set(result "")
  string(FIND "${rest}" "${open_marker}" at)
  while(NOT at EQUAL -1)
    string(SUBSTRING "${rest}" 0 ${at} before)
    string(SUBSTRING "${rest}" ${at} -1 rest)
    string(FIND "${rest}" " -->\n" header_end)
    string(FIND "${rest}" "${close_marker}" close)
    if(close EQUAL -1)
      message(FATAL_ERROR "${document}: a block without its ${close_marker} line")
    endif()
    string(LENGTH "${open_marker}" open_length)
    math(EXPR what_length "${header_end} - ${open_length}")
    string(SUBSTRING "${rest}" ${open_length} ${what_length} what)
    math(EXPR content_start "${header_end} + 5")
    math(EXPR content_length "${close} - ${content_start}")
    string(SUBSTRING "${rest}" ${content_start} ${content_length} documented)
    string(REGEX MATCH "^[^\n]*" documented_version "${documented}")
    if(MODE STREQUAL "check" AND what STREQUAL "table" AND NOT documented_version STREQUAL version)
      message("diagnostics not compared: documented for ${documented_version}, this compiler is ${version}")
      return()
    endif()
    render("${what}" text)
    if(NOT documented STREQUAL text)
      list(APPEND stale "${document}: ${what}")
    endif()
    string(APPEND result "${before}${open_marker}${what} -->\n${text}")
    string(SUBSTRING "${rest}" ${close} -1 rest)
    string(FIND "${rest}" "${open_marker}" at)
  endwhile()
  string(APPEND result "${rest}")
  if(MODE STREQUAL "write")
    file(WRITE ${document} "${result}")
  else()
    get_filename_component(document_name ${document} NAME)
    file(WRITE ${OUTPUTS}/expected/${document_name} "${result}")
  endif()
endforeach()

if(MODE STREQUAL "write")
  message(STATUS "wrote the ${report_name} diagnostics of ${documents}")
elseif(stale)
  string(REPLACE ";" "\n  " stale "${stale}")
  message(FATAL_ERROR "the docs quote ${report_name} diagnostics that differ from the compiler's:\n  ${stale}\n"
                      "expected text in ${OUTPUTS}/expected/; rewrite them with: "
                      "cmake --build ${BUILD_DIR} --target diagnostics-report")
else()
  message(STATUS "the docs quote the ${report_name} diagnostics as ${version} prints them")
endif()
