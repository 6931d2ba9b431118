# The machine format rule (README, "Machine formats"), command by command (cmake -P; CLI, DB,
# FACTS: a fact file that imports cleanly, BAD: one that does not):
# - every command's --json is one JSON document (string(JSON) fails on anything else), and
#   the records it shows carry their keys;
# - every command's --csv and --tsv is one table: one header, every line with its fields,
#   no "# part" lines; or, for an answer of several parts, nothing on stdout and exit 2
#   with the list of parts, and then --part NAME with each listed part is one table;
# - a command that cannot give a format refuses it (exit 2) rather than ignoring it.
set(commands
    "info" "meetings" "meeting|som-11" "person|swing" "org|dg-home" "show|scf-2012"
    "show|iom-2025" "show|hou" "themes" "topics" "series" "series|hou" "funding" "sources"
    "search|migration" "timeline" "framework|--on|2016" "keys" "keys|meeting"
    "graph|--kind|timeline" "graph|--kind|lineage" "graph|--kind|framework" "verify"
    "schema" "sql|SELECT key, title FROM v_meeting" "sql|-|--part|2"
    "import|${FACTS}|--dry-run" "org|DG DEVCO|--on|2025-04-04" "meeting|som-3|--cite" "cite|200"
    "diff|${DB}|${DB}")
# The commands whose rows name keyed records must say "key" or "<thing>_key" somewhere.
set(keyed "meetings" "meeting|som-11" "person|swing" "org|dg-home" "show|scf-2012"
    "show|iom-2025" "show|hou" "themes" "topics" "series" "series|hou" "funding" "sources"
    "keys" "keys|meeting" "graph|--kind|timeline" "graph|--kind|lineage"
    "graph|--kind|framework" "cite|200" "timeline")

# Runs `euiomkb WORDS FORMAT... --db DB`, two SQL statements on stdin (for `sql -`); sets
# out, err and rc in the caller.
set(two_statements ${DB}.two_statements.sql)
file(WRITE ${two_statements} "SELECT 1 AS a;\nSELECT 'x,\"y\"' AS b, 2 AS c;\n")
macro(run words)
  string(REPLACE "|" ";" args "${words}")
  execute_process(COMMAND ${CLI} ${args} ${ARGN} --db ${DB} RESULT_VARIABLE rc
                  INPUT_FILE ${two_statements} OUTPUT_VARIABLE out ERROR_VARIABLE err)
endmacro()

# Fails unless `text` is one table of `format` (csv or tsv): every line has as many fields as
# the header, and no line is a "# part" heading.
function(expect_one_table what format text)
  if(format STREQUAL "csv")
    # Quoted fields (which may hold commas, quotes and line breaks) become one plain field.
    string(REGEX REPLACE "\"([^\"]|\"\")*\"" "Q" text "${text}")
    set(delimiter ",")
  else()
    set(delimiter "\t")
  endif()
  string(REGEX REPLACE "\r?\n$" "" text "${text}")
  string(REGEX REPLACE "[][;\\]" "S" text "${text}")  # what a CMake list would not split at
  string(REPLACE "\n" ";" lines "${text}")
  list(GET lines 0 header)
  string(REGEX REPLACE "[^${delimiter}]" "" header_delimiters "${header}")
  foreach(line IN LISTS lines)
    if(line MATCHES "^# ")
      message(FATAL_ERROR "${what}: a part heading in one table: ${line}")
    endif()
    string(REGEX REPLACE "[^${delimiter}]" "" delimiters "${line}")
    if(NOT delimiters STREQUAL header_delimiters)
      message(FATAL_ERROR "${what}: a line whose fields do not match the header '${header}':\n"
                          "${line}")
    endif()
  endforeach()
endfunction()

foreach(words IN LISTS commands)
  run("${words}" --json)
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

  foreach(format csv tsv)
    run("${words}" --${format})
    if(rc EQUAL 0)
      expect_one_table("${words} --${format}" ${format} "${out}")
      continue()
    endif()
    if(NOT rc EQUAL 2 OR NOT out STREQUAL "" OR NOT err MATCHES "several parts: ([^;]*);")
      message(FATAL_ERROR "${words} --${format}: neither one table nor a refusal listing the "
                          "parts (exit ${rc}):\n${out}${err}")
    endif()
    string(REPLACE ", " ";" parts "${CMAKE_MATCH_1}")
    foreach(part IN LISTS parts)
      run("${words}" --${format} --part ${part})
      if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${words} --${format} --part ${part}: exit ${rc}: ${err}")
      endif()
      expect_one_table("${words} --${format} --part ${part}" ${format} "${out}")
    endforeach()
  endforeach()
endforeach()

# Rows that name people and organisations carry their keys beside the names.
run("meeting|som-11" --json)
string(JSON first GET "${out}" attendees 0)
foreach(member person_key organisation_key post_key)
  string(JSON value ERROR_VARIABLE problem GET "${first}" ${member})
  if(problem OR value STREQUAL "" OR value STREQUAL "null")
    message(FATAL_ERROR "meeting som-11 --json: an attendee without ${member}: ${first}")
  endif()
endforeach()

# verify --json: ok, the checks with their counts, the failures.
run("verify" --json)
string(JSON ok GET "${out}" ok)
string(JSON checks LENGTH "${out}" checks)
string(JSON failures LENGTH "${out}" failures)
if(NOT ok STREQUAL "ON" OR checks LESS 5 OR NOT failures EQUAL 0)
  message(FATAL_ERROR "verify --json: ok ${ok}, ${checks} checks, ${failures} failures:\n${out}")
endif()

# import --json of a bad file: exit 1, one document with each problem's file, line and field,
# and nothing imported.
run("import|${BAD}" --json)
string(JSON ok ERROR_VARIABLE problem GET "${out}" ok)
if(NOT rc EQUAL 1 OR problem OR NOT ok STREQUAL "OFF")
  message(FATAL_ERROR "import BAD --json: exit ${rc}, ok '${ok}' ${problem}:\n${out}${err}")
endif()
string(JSON file GET "${out}" problems 0 file)
string(JSON line GET "${out}" problems 0 line)
if(NOT file MATCHES "bad.facts$" OR line LESS 1)
  message(FATAL_ERROR "import BAD --json: a problem without its file and line:\n${out}")
endif()
run("import|${FACTS}|--dry-run" --json)
string(JSON outcome GET "${out}" outcome)
string(JSON kinds LENGTH "${out}" records)
if(NOT outcome STREQUAL "checked" OR kinds LESS 1)
  message(FATAL_ERROR "import --dry-run --json: outcome '${outcome}', ${kinds} kinds:\n${out}")
endif()

# Several statements give one document only with --part.
run("sql|-" --json)
if(NOT rc EQUAL 2 OR NOT out STREQUAL "" OR NOT err MATCHES "--part N")
  message(FATAL_ERROR "sql with two statements --json: exit ${rc}:\n${out}${err}")
endif()

# A --part the answer does not have, and the commands that give no document, refuse.
foreach(words "meeting|som-11|--part|nope" "tour|--json" "tour|--csv" "build|--tsv"
        "migrate|--json" "graph|--kind|timeline|--format|dot|--json")
  run("${words}")
  if(NOT rc EQUAL 2 OR NOT out STREQUAL "")
    message(FATAL_ERROR "${words}: exit ${rc} (expected a usage error, 2):\n${out}${err}")
  endif()
endforeach()
