# Runs a command and checks its exact exit code and its message (cmake -P); WILL_FAIL cannot
# tell a failure (1) from a usage error (2).
#   COMMAND   the command, its words separated by '|'
#   EXPECTED  the exit code it must return
#   REGEX     what its standard error must contain
string(REPLACE "|" ";" command "${COMMAND}")
execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL EXPECTED)
  message(FATAL_ERROR "exit code ${rc}, expected ${EXPECTED}\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT err MATCHES "${REGEX}")
  message(FATAL_ERROR "standard error lacks '${REGEX}':\n${err}")
endif()
