# `euiomkb sql --write` on a write-protected database file (chmod 0444): exit 1, a failure of
# the file rather than a usage error, with a message naming the file, and the file unchanged.
# Root may write any file, so as root the tool runs as the user nobody (setpriv); where that is
# not possible the test says SKIPPED (ctest's SKIP_REGULAR_EXPRESSION). Nobody may not be able
# to enter the build tree (a clone under /root, mode 0700), which the test first uses to check
# that the tool then says it cannot reach the file rather than that there is none; the file
# itself is then made in a scratch directory under the system's temporary directory.
#   CLI   the euiomkb tool
#   WORK  a scratch directory (replaced)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(db ${WORK}/kb.db)
execute_process(COMMAND ${CLI} build --db ${db} -q RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "build failed (${rc})")
endif()
# Writable directory (SQLite may need its -shm or -journal beside the file), read-only file.
file(CHMOD ${WORK} DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
     GROUP_WRITE GROUP_EXECUTE WORLD_READ WORLD_WRITE WORLD_EXECUTE)
file(CHMOD ${db} PERMISSIONS OWNER_READ GROUP_READ WORLD_READ)

set(as_user)
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(uid STREQUAL "0")
  set(as_user setpriv --reuid=65534 --regid=65534 --clear-groups)
  execute_process(COMMAND ${as_user} ${CLI} --version RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL 0)
    message("SKIPPED: running as root and cannot run the tool as nobody (setpriv: ${rc})")
    return()
  endif()
endif()
execute_process(COMMAND ${as_user} test -r ${db} RESULT_VARIABLE readable)
if(NOT readable EQUAL 0)
  execute_process(COMMAND ${as_user} ${CLI} sql "SELECT 1" --db ${db} RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(FIND "${err}" "euiomkb: cannot reach '${db}'" at)
  if(NOT rc EQUAL 1 OR NOT at EQUAL 0)
    message(FATAL_ERROR "a file this user cannot reach: exit ${rc}, expected 1 and "
                        "\"cannot reach\"\nstderr: ${err}")
  endif()
  string(RANDOM LENGTH 12 suffix)
  set(scratch "/tmp/euiomkb-read-only-${suffix}")
  if(DEFINED ENV{TMPDIR})
    set(scratch "$ENV{TMPDIR}/euiomkb-read-only-${suffix}")
  endif()
  file(MAKE_DIRECTORY ${scratch})
  file(CHMOD ${scratch} DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
       GROUP_WRITE GROUP_EXECUTE WORLD_READ WORLD_WRITE WORLD_EXECUTE)
  file(COPY_FILE ${db} ${scratch}/kb.db)
  file(REMOVE_RECURSE ${WORK})
  set(WORK ${scratch})
  set(db ${scratch}/kb.db)
  file(CHMOD ${db} PERMISSIONS OWNER_READ GROUP_READ WORLD_READ)
  execute_process(COMMAND ${as_user} test -r ${db} RESULT_VARIABLE readable)
  if(NOT readable EQUAL 0)
    file(REMOVE_RECURSE ${scratch})
    message("SKIPPED: the user nobody cannot read a file in ${scratch} either")
    return()
  endif()
endif()
execute_process(COMMAND ${as_user} test -w ${db} RESULT_VARIABLE writable)
if(writable EQUAL 0)
  message("SKIPPED: the read-only file is writable all the same")
  return()
endif()

file(SHA256 ${db} before)
execute_process(COMMAND ${as_user} ${CLI} sql --write "INSERT INTO theme (name) VALUES ('x')"
                        --db ${db}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(SHA256 ${db} after)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "exit code ${rc}, expected 1\nstdout: ${out}\nstderr: ${err}")
endif()
string(FIND "${err}" "euiomkb: '${db}' cannot be written" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "the message does not name the file:\n${err}")
endif()
if(NOT before STREQUAL after)
  message(FATAL_ERROR "the file changed")
endif()
if(WORK MATCHES "/euiomkb-read-only-")
  file(REMOVE_RECURSE ${WORK})
endif()
