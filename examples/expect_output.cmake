# Runs an example and compares its output with the expected file (cmake -P).
#   PROGRAM  the example   ARGS  its arguments, separated by '|'
#   EXPECTED the expected output   ACTUAL  where to write what it printed
# EUIOMKB_UPDATE_GOLDEN=1 rewrites the expected file instead.
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${PROGRAM} ${args} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
file(WRITE "${ACTUAL}" "${out}")
if("$ENV{EUIOMKB_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE "${EXPECTED}" "${out}")
  return()
endif()
file(READ "${EXPECTED}" expected)
if(NOT out STREQUAL expected)
  execute_process(COMMAND diff -u "${EXPECTED}" "${ACTUAL}")
  message(FATAL_ERROR "output differs from ${EXPECTED}")
endif()
