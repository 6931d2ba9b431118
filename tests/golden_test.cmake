# Runs `euiomkb tour` and compares its output with a golden file (cmake -P).
#   CLI     the euiomkb executable        DB      the database to tour
#   GOLDEN  the expected output           ACTUAL  where to write what was printed
# The database path is printed as DB so that the golden file does not depend on it.
execute_process(COMMAND ${CLI} tour --db ${DB} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "euiomkb tour exited with ${rc}")
endif()
string(REPLACE "${DB}" "DB" out "${out}")
file(WRITE "${ACTUAL}" "${out}")
file(READ "${GOLDEN}" expected)
if(NOT "${out}" STREQUAL "${expected}")
  execute_process(COMMAND diff -u "${GOLDEN}" "${ACTUAL}")
  message(FATAL_ERROR "tour output differs from ${GOLDEN}; if the change is intended, "
                      "copy ${ACTUAL} over it")
endif()
