# What the CLI test scripts (cmake -P) share; include() it from a script that has CLI and DB.

# Makes DB a fresh seeded database with `euiomkb build`, or stops the test saying why.
function(build_fresh_database)
  file(REMOVE ${DB})
  execute_process(COMMAND ${CLI} build --db ${DB} RESULT_VARIABLE rc OUTPUT_QUIET
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "build failed: ${err}")
  endif()
endfunction()
