# SPDX-License-Identifier: BSL-1.0
# Builds and runs the consumer program with nothing but the flags that
# `pkg-config --cflags typed_metrics` gives for an installed copy that was
# moved after `cmake --install`: the .pc file must find the headers relative
# to itself, not at the prefix it was configured with.
#
#   cmake -DPREFIX=<install prefix> -DPC_DIR=<.pc folder, relative to it> -DWORK=<scratch folder>
#         -DPKG_CONFIG=<pkg-config> -DCXX=<compiler> -DSOURCE=<main.cpp> "-DSYSTEM_INCLUDES=<Boost's folders>"
#         "-DIMPLICIT_INCLUDES=<the compiler's own>" -P pkg_config.cmake
include(${CMAKE_CURRENT_LIST_DIR}/../support/compiler_flags.cmake)
include_flags(boost_flags ${SYSTEM_INCLUDES})  # Boost has no .pc file
set(moved ${WORK}/moved-prefix)
file(REMOVE_RECURSE ${WORK})
file(COPY ${PREFIX}/ DESTINATION ${moved})

execute_process(COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${moved}/${PC_DIR} ${PKG_CONFIG} --cflags typed_metrics
                OUTPUT_VARIABLE cflags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "pkg-config --cflags typed_metrics failed")
endif()
message(STATUS "pkg-config --cflags typed_metrics: ${cflags}")
separate_arguments(cflags UNIX_COMMAND "${cflags}")

execute_process(COMMAND ${CXX} ${cflags} ${boost_flags} ${SOURCE} -o ${WORK}/consumer RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "the consumer does not compile with pkg-config's flags")
endif()
execute_process(COMMAND ${WORK}/consumer RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "the consumer built with pkg-config's flags failed")
endif()
