# The default database: with no --db and no EUIOMKB_DB, the tool creates
# $XDG_DATA_HOME/euiomkb/euiomkb.db from the embedded seed on first use, saying so in one line
# on stderr, and uses it silently afterwards (cmake -P).   CLI  the tool   HOME_DIR  a scratch dir
file(REMOVE_RECURSE "${HOME_DIR}")
set(run ${CMAKE_COMMAND} -E env --unset=EUIOMKB_DB XDG_DATA_HOME=${HOME_DIR} ${CLI} meetings)
execute_process(COMMAND ${run} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT EXISTS "${HOME_DIR}/euiomkb/euiomkb.db")
  message(FATAL_ERROR "first use: exit ${rc}, no database created\n${err}")
endif()
if(NOT err MATCHES "^euiomkb: created [^\n]*/euiomkb/euiomkb.db from the embedded seed[^\n]*\n$")
  message(FATAL_ERROR "first use must say in one line that it created the database:\n${err}")
endif()
if(NOT out MATCHES "som-11")
  message(FATAL_ERROR "first use printed no meetings:\n${out}")
endif()
execute_process(COMMAND ${run} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "second use must be silent on stderr: exit ${rc}\n${err}")
endif()
