# Every command's --json is one JSON document, and the records it shows carry their keys
# (cmake -P; CLI, DB). string(JSON) fails on anything but one well-formed document.
set(commands
    "info" "meetings" "meeting|som-11" "person|swing" "org|dg-home" "show|scf-2012"
    "show|iom-2025" "show|hou" "themes" "topics" "series" "series|hou" "funding" "sources"
    "search|migration" "timeline" "framework|--on|2016" "cite|200")
# The commands whose rows name keyed records must say "key" or "<thing>_key" somewhere.
set(keyed "meetings" "meeting|som-11" "person|swing" "org|dg-home" "show|scf-2012"
    "show|iom-2025" "show|hou" "themes" "topics" "series" "series|hou" "funding" "sources"
    "cite|200")
foreach(words IN LISTS commands)
  string(REPLACE "|" ";" args "${words}")
  execute_process(COMMAND ${CLI} ${args} --json --db ${DB} RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${words} --json: exit ${rc}: ${err}")
  endif()
  string(JSON type ERROR_VARIABLE problem TYPE "${out}")
  if(problem)
    message(FATAL_ERROR "${words} --json is not one JSON document: ${problem}\n${out}")
  endif()
  if(NOT type STREQUAL "OBJECT" AND NOT type STREQUAL "ARRAY")
    message(FATAL_ERROR "${words} --json is a ${type}, not an object or array")
  endif()
  list(FIND keyed "${words}" is_keyed)
  if(NOT is_keyed EQUAL -1 AND NOT out MATCHES "\"([a-z_]*_)?key\":\"")
    message(FATAL_ERROR "${words} --json carries no key")
  endif()
endforeach()
