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
