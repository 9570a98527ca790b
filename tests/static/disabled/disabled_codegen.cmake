# SPDX-License-Identifier: BSL-1.0
# cmake <compiler_script_args> -DOBJDUMP=objdump -DSOURCE=instrumented.cpp -DOUTPUT=dir -P disabled_codegen.cmake
# (compiler_script_args: tests/CMakeLists.txt)
#
# Compiles SOURCE with -O2 and requires checksum_bare and
# checksum_instrumented to be the same instructions: a disabled context
# costs nothing.
include(${CMAKE_CURRENT_LIST_DIR}/../../support/compiler_flags.cmake)

set(object ${OUTPUT}/instrumented.o)
execute_process(COMMAND ${COMPILER} ${TARGET_FLAGS} -O2 -ffunction-sections -c
                        ${SOURCE} -o ${object} RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "compiling ${SOURCE} failed:\n${errors}")
endif()

# Each function has its own section, so both disassemble from offset 0.
function(disassemble function out)
  execute_process(COMMAND ${OBJDUMP} -d --no-show-raw-insn -j .text.${function} ${object} OUTPUT_VARIABLE listing
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0 OR NOT listing MATCHES "<${function}>:\n(.*)$")
    message(FATAL_ERROR "no disassembly of ${function}:\n${listing}")
  endif()
  set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
endfunction()

disassemble(checksum_bare bare)
disassemble(checksum_instrumented instrumented)
# Jump targets name the function (<checksum_bare+0x10>): compare without them.
string(REGEX REPLACE "<[a-z_]+" "<" bare_normalized "${bare}")
string(REGEX REPLACE "<[a-z_]+" "<" instrumented_normalized "${instrumented}")
string(REGEX MATCHALL "\n" instructions "${bare}")
list(LENGTH instructions count)
if(NOT bare_normalized STREQUAL instrumented_normalized)
  message(FATAL_ERROR "a disabled context changed the code:\n--- bare\n${bare}\n--- instrumented\n${instrumented}")
endif()
message(STATUS "identical machine code: ${count} lines of disassembly each")
