# SPDX-License-Identifier: BSL-1.0
# cmake -DCOMPILER=c++ -DOBJDUMP=objdump -DFLAGS="-I..." -DSOURCE=instrumented.cpp -DOUTPUT=dir -P disabled_codegen.cmake
#
# Compiles SOURCE with -O2 and requires checksum_bare and
# checksum_instrumented to be the same instructions: a disabled context
# costs nothing.
set(object ${OUTPUT}/instrumented.o)
execute_process(COMMAND ${COMPILER} -std=c++20 -O2 -ffunction-sections -Wall -Wextra -Wpedantic -Werror ${FLAGS} -c
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
