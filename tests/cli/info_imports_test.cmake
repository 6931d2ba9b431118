# `euiomkb info` lists the fact files imported into the database (cmake -P):
# builds DB afresh, imports FACTS (documents beside it), and expects the file in info's
# "imports" part, current (no replaced_by).
#   CLI  the tool   DB  a scratch database path   FACTS  a fact file that imports cleanly
include(${CMAKE_CURRENT_LIST_DIR}/cli_script_support.cmake)
build_fresh_database()
execute_process(COMMAND ${CLI} import ${FACTS} --db ${DB} -q RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "import failed: ${out}${err}")
endif()
execute_process(COMMAND ${CLI} info --csv --part imports --db ${DB} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
get_filename_component(name ${FACTS} NAME)
if(NOT rc EQUAL 0 OR NOT out MATCHES
   "^import_id,file_name,imported_at,records,sha256,replaced_by\r?\n1,${name},[0-9T:Z-]+,[1-9][0-9]*,[0-9a-f]+,\r?\n")
  message(FATAL_ERROR "info does not list ${name} as a current import:\n${out}${err}")
endif()
