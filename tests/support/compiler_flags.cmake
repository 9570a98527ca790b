# SPDX-License-Identifier: BSL-1.0
# Shared by the CMake scripts that run the compiler themselves
# (compile_fail/probe.cmake, static/disabled/disabled_codegen.cmake,
# package/pkg_config.cmake): the flags a target linking typed_metrics and
# typed_metrics_strict compiles with, from what tests/CMakeLists.txt reads
# from those targets (`compiler_script_args`): INCLUDES, SYSTEM_INCLUDES,
# IMPLICIT_INCLUDES, FEATURES and WARNINGS.
# tests/CMakeLists.txt includes it too, for include_flags().
if(CMAKE_SCRIPT_MODE_FILE)
  cmake_minimum_required(VERSION 3.21)  # a script run with -P has no policies set: if(IN_LIST)
endif()

# include_flags(<out> <folder>...): -isystem for a folder in SYSTEM_INCLUDES,
# -I for the others, none for the compiler's own folders (naming a folder
# the compiler searches anyway would reorder its search).
function(include_flags out)
  set(flags "")
  foreach(dir IN LISTS ARGN)
    if(dir IN_LIST IMPLICIT_INCLUDES)
      continue()
    elseif(dir IN_LIST SYSTEM_INCLUDES)
      list(APPEND flags -isystem ${dir})
    else()
      list(APPEND flags -I${dir})
    endif()
  endforeach()
  set(${out} ${flags} PARENT_SCOPE)
endfunction()

# TARGET_FLAGS: the dialect STD (c++20 from FEATURES' cxx_std_20 unless
# given), the warnings and the include folders.
if(DEFINED INCLUDES)
  if(NOT STD)
    string(REGEX MATCH "cxx_std_[0-9]+" standard "${FEATURES}")
    string(REPLACE "cxx_std_" "c++" STD "${standard}")
  endif()
  include_flags(target_includes ${INCLUDES})
  set(TARGET_FLAGS -std=${STD} ${WARNINGS} ${target_includes})
endif()
