# `euiomkb graph`: the DOT of each kind is accepted by Graphviz `dot`, and --format svg renders
# an SVG holding the picture's labels (cmake -P).
#   CLI  the tool   DB  the database   DOT  Graphviz dot   WORK  a scratch directory
file(MAKE_DIRECTORY "${WORK}")
set(expect_timeline "SOM 11")
set(expect_lineage "DG INTPA")
set(expect_framework "Strategic Cooperation Framework")
foreach(kind timeline lineage framework)
  execute_process(COMMAND ${CLI} graph --kind ${kind} --format dot --db ${DB}
                  OUTPUT_FILE "${WORK}/${kind}.dot" RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "graph --kind ${kind} exited with ${rc}: ${err}")
  endif()
  execute_process(COMMAND ${DOT} -Tsvg "${WORK}/${kind}.dot" -o "${WORK}/${kind}.dot.svg"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
    message(FATAL_ERROR "dot rejects the ${kind} DOT (exit ${rc}): ${err}")
  endif()
  file(REMOVE "${WORK}/${kind}.svg")
  execute_process(COMMAND ${CLI} graph --kind ${kind} --format svg --out "${WORK}/${kind}.svg"
                          --db ${DB} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT EXISTS "${WORK}/${kind}.svg")
    message(FATAL_ERROR "graph --kind ${kind} --format svg: exit ${rc}: ${err}")
  endif()
  file(READ "${WORK}/${kind}.svg" svg)
  if(NOT svg MATCHES "<svg" OR NOT svg MATCHES "</svg>" OR NOT svg MATCHES "${expect_${kind}}")
    message(FATAL_ERROR "the ${kind} SVG lacks <svg>...</svg> or '${expect_${kind}}'")
  endif()
endforeach()

# The lineage stays legible with many units of one parent: eight offices of IOM (a user's
# import into a copy of the database) are listed in one box, not drawn side by side.
file(COPY_FILE "${DB}" "${WORK}/offices.db")
set(facts "")
foreach(i RANGE 1 8)
  string(APPEND facts "organisation test-office-${i}\n  short_name: Test Office ${i}\n"
         "  name: Test Office ${i}\n  kind: office\n"
         "  cite: iom-ro-page | Regional Office for the EU, EEA and NATO\n"
         "  cite_note: a made-up office for this test\n\n"
         "organisation_parent\n  organisation: test-office-${i}\n  parent: iom\n"
         "  cite: iom-ro-page | Regional Office for the EU, EEA and NATO\n"
         "  cite_note: a made-up office for this test\n\n")
endforeach()
file(WRITE "${WORK}/offices.facts" "${facts}")
execute_process(COMMAND ${CLI} import "${WORK}/offices.facts" --db "${WORK}/offices.db"
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "importing the offices failed (exit ${rc}): ${err}")
endif()
execute_process(COMMAND ${CLI} graph --kind lineage --db "${WORK}/offices.db"
                OUTPUT_VARIABLE dot RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT dot MATCHES "9 units of IOM:" OR dot MATCHES "label=\"Test Office 1\"")
  message(FATAL_ERROR "the lineage does not list IOM's nine units in one box:\n${dot}")
endif()

# The timeline says that SOM 4 to 10 are known by number only.
execute_process(COMMAND ${CLI} graph --kind timeline --db ${DB} OUTPUT_VARIABLE dot)
if(NOT dot MATCHES "SOM 4–10\\\\nknown by number only")
  message(FATAL_ERROR "the timeline does not show the gap between SOM 3 and SOM 11:\n${dot}")
endif()
