# Runs the euiomkb tool and compares its standard output with a golden file (cmake -P).
#   CLI     the euiomkb executable        DB      the database (passed as --db after ARGS)
#   ARGS    the arguments, separated by '|'   INPUT  a file for standard input (optional)
#   GOLDEN  the expected output           ACTUAL  where to write what was printed
# The database path is printed as DB so that the golden file does not depend on it. With the
# environment variable EUIOMKB_UPDATE_GOLDEN=1 the golden file is rewritten instead.
#   REFRESH  (optional) the command that rewrites the golden file, named when it differs
string(REPLACE "|" ";" args "${ARGS}")
if(NOT INPUT)
  set(INPUT /dev/null)
endif()
execute_process(COMMAND ${CLI} ${args} --db ${DB} INPUT_FILE ${INPUT} OUTPUT_VARIABLE out
                ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "euiomkb ${ARGS} exited with ${rc}: ${err}")
endif()
string(REPLACE "${DB}" "DB" out "${out}")
file(WRITE "${ACTUAL}" "${out}")
if("$ENV{EUIOMKB_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE "${GOLDEN}" "${out}")
  return()
endif()
file(READ "${GOLDEN}" expected)
if(NOT "${out}" STREQUAL "${expected}")
  execute_process(COMMAND diff -u "${GOLDEN}" "${ACTUAL}")
  if(REFRESH)
    message(FATAL_ERROR "${GOLDEN} is out of date; refresh it with: ${REFRESH}")
  endif()
  message(FATAL_ERROR "output differs from ${GOLDEN}; if the change is intended, "
                      "copy ${ACTUAL} over it (or run with EUIOMKB_UPDATE_GOLDEN=1)")
endif()
