# SPDX-License-Identifier: BSL-1.0
# cmake <compiler_script_args> -DPROBES="a.cpp;b.cpp" -P report.cmake (compiler_script_args: tests/CMakeLists.txt)
#
# Prints one Markdown table row per probe: what the compiler prints for it.
include(${CMAKE_CURRENT_LIST_DIR}/probe.cmake)

execute_process(COMMAND ${COMPILER} --version OUTPUT_VARIABLE version)
string(REGEX MATCH "^[^\n]*" version "${version}")
message("\n${version}\n")
message("| probe | lines | errors | first error |")
message("|---|---:|---:|---|")
foreach(source IN LISTS PROBES)
  get_filename_component(name ${source} NAME_WE)
  compile_probe(${source} TRUE result output)
  summarize_output("${output}" lines error_count first_error)
  # The message only: the path and position before it vary by machine.
  string(REGEX REPLACE "^.*error: " "" first_error "${first_error}")
  string(REPLACE "|" "\\|" first_error "${first_error}")
  message("| ${name} | ${lines} | ${error_count} | `${first_error}` |")
endforeach()
