# Builds one consumer project (tests/consumers/KIND) against the staged install in PREFIX (or,
# for `subdirectory`, against the source tree EUIOMKB_SOURCE_DIR), runs it on the database the
# project found, and checks what it prints. Run by ctest (tests/CMakeLists.txt):
#   cmake -DKIND=... -DCONSUMERS=... -DWORK=... -DPREFIX=... -DEUIOMKB_SOURCE_DIR=...
#         -DGENERATOR=... -DCXX=... -DCXX_FLAGS=... -DBUILD_TYPE=... -DVERSION=... -P run.cmake
# CXX_FLAGS are the project's own CMAKE_CXX_FLAGS: a consumer of a library built with
# -fsanitize=address must be compiled and linked with it too (the asan preset), as a real
# application would be. CXX_FLAGS may be left out (tests/packages/deb_test.sh does): empty.
if(NOT DEFINED CXX_FLAGS)
  set(CXX_FLAGS "")
endif()
foreach(var KIND CONSUMERS WORK PREFIX EUIOMKB_SOURCE_DIR GENERATOR CXX BUILD_TYPE VERSION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run.cmake: ${var} is not set")
  endif()
endforeach()

set(build ${WORK}/${KIND})
file(REMOVE_RECURSE ${build})
# Only the staged install, never the system or the build tree, may satisfy the consumer.
set(ENV{PKG_CONFIG_PATH} ${PREFIX}/lib/pkgconfig:${PREFIX}/lib/x86_64-linux-gnu/pkgconfig)
execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${CONSUMERS}/${KIND} -B ${build} -G ${GENERATOR}
          -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=${BUILD_TYPE} "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
          -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
          -DEUIOMKB_SOURCE_DIR=${EUIOMKB_SOURCE_DIR}
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "configuring the ${KIND} consumer failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${build} -j2 RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "building the ${KIND} consumer failed")
endif()

file(READ ${build}/database.txt database)
if(NOT EXISTS "${database}")
  message(FATAL_ERROR "the ${KIND} consumer was given no database: '${database}'")
endif()
# A shared libeuiomkb in a prefix the loader does not search: the CMake consumers carry a RUNPATH
# to it, a pkg-config link line does not (as for any library installed outside /usr).
set(ENV{LD_LIBRARY_PATH} ${PREFIX}/lib:${PREFIX}/lib/x86_64-linux-gnu)
execute_process(COMMAND ${build}/consumer ${database} RESULT_VARIABLE status
                OUTPUT_VARIABLE output ERROR_VARIABLE errors)
message(STATUS "${KIND} consumer: ${output}${errors}")
if(NOT status EQUAL 0 OR NOT output MATCHES "^euiomkb ${VERSION}: .*, [0-9][0-9][0-9][0-9]")
  message(FATAL_ERROR "the ${KIND} consumer failed (exit ${status}): ${output}${errors}")
endif()
