# SPDX-License-Identifier: BSL-1.0
# cmake -DROOT=<source dir> "-DPROBES=a.cpp;b.cpp" -P doc_errors.cmake
#
# docs/errors.md must list every compile-fail probe with the sentence it
# expects, so that the error catalogue cannot fall behind the checks.
file(READ ${ROOT}/docs/errors.md catalogue)
set(missing "")
foreach(probe IN LISTS PROBES)
  get_filename_component(name ${probe} NAME_WE)
  file(READ ${probe} text)
  string(REGEX MATCH "\n// expect(-regex)?: ([^\n]*)" line "${text}")
  set(expected "${CMAKE_MATCH_2}")
  string(REPLACE "|" "\\|" expected "${expected}")  # as escaped in a Markdown table
  string(FIND "${catalogue}" "| ${name} | `${expected}` |" found)
  if(found EQUAL -1)
    list(APPEND missing ${name})
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "docs/errors.md lacks these probes or their messages: ${missing}")
endif()
list(LENGTH PROBES count)
message(STATUS "docs/errors.md lists all ${count} probes")
