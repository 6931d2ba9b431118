# `euiomkb schema` describes the database it is given, not a fixed list (cmake -P): a table a
# user adds with `sql --write` appears, under "Not described in schema_note", with its columns,
# the comment beside each column (one added by ALTER TABLE too) and its foreign keys (one naming no column: the primary key);
# and in the Mermaid diagram.
#   CLI  the tool   DB  a scratch database path
include(${CMAKE_CURRENT_LIST_DIR}/cli_script_support.cmake)
build_fresh_database()
execute_process(COMMAND ${CLI} sql --write --db ${DB}
  "CREATE TABLE my_note (\n  note_id INTEGER PRIMARY KEY,\n  meeting_id INTEGER NOT NULL REFERENCES meeting (meeting_id), -- the meeting, 'mine' | ours\n  mood TEXT CHECK (mood IN ('good', 'bad')),\n  by_person INTEGER REFERENCES person\n) STRICT"
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "CREATE TABLE failed: ${err}")
endif()
# A column added later: SQLite appends ", place TEXT -- ..." on the line of the closing
# parenthesis, and the comment is the new column's, not the one before's.
execute_process(COMMAND ${CLI} sql --write --db ${DB}
  "ALTER TABLE my_note ADD COLUMN place TEXT -- where it was written\n  CHECK (place <> '')"
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ALTER TABLE failed: ${err}")
endif()
execute_process(COMMAND ${CLI} schema --db ${DB} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "schema failed: ${err}")
endif()
foreach(expected
    "## Not described in schema_note\n\n### `my_note` (table)\n\nNo description."
    "| `meeting_id` | INTEGER | no | → meeting.meeting_id | the meeting, 'mine' \\| ours |"
    "| `mood` | TEXT | yes |  | One of 'good', 'bad'. |"
    "| `by_person` | INTEGER | yes | → person.person_id |  |"
    "| `place` | TEXT | yes |  | where it was written |"
    "  meeting ||--o{ my_note : \"meeting_id\"")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "schema output lacks:\n${expected}\n--- output ---\n${out}")
  endif()
endforeach()
execute_process(COMMAND ${CLI} schema --mermaid --db ${DB} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^erDiagram\n" OR NOT out MATCHES "  my_note {\n    INTEGER note_id PK\n    INTEGER meeting_id FK\n    INTEGER by_person FK\n  }")
  message(FATAL_ERROR "schema --mermaid: exit ${rc}\n${out}${err}")
endif()
