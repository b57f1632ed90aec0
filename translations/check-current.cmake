# Fails when the sources hold a string the catalogues do not: copies the .ts files, runs lupdate
# over ui/ and app/gui/ into the copies (as `update_translations` would) and checks the copies
# with check-translations.cmake. Registered with CTest as translations.current.
# Run as: cmake -DLUPDATE=<lupdate> -DSOURCE_DIR=<project> -DTS_DIR=<translations>
#               -DWORK_DIR=<scratch folder> -P check-current.cmake
foreach(variable LUPDATE SOURCE_DIR TS_DIR WORK_DIR)
    if(NOT ${variable})
        message(FATAL_ERROR "check-current: pass -D${variable}=...")
    endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(GLOB ts_files "${TS_DIR}/*.ts")
file(COPY ${ts_files} DESTINATION "${WORK_DIR}")

set(sources "${SOURCE_DIR}/ui" "${SOURCE_DIR}/app/gui/main.cpp")
set(options -no-obsolete -locations none -silent -I "${SOURCE_DIR}")
execute_process(
    COMMAND "${LUPDATE}" ${sources} ${options} -ts "${WORK_DIR}/fieldledger_fr.ts" "${WORK_DIR}/fieldledger_es.ts"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "check-current: lupdate failed (${result})")
endif()
execute_process(
    COMMAND "${LUPDATE}" ${sources} ${options} -pluralonly -ts "${WORK_DIR}/fieldledger_en.ts"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "check-current: lupdate failed (${result})")
endif()

set(TS_DIR "${WORK_DIR}")
include("${CMAKE_CURRENT_LIST_DIR}/check-translations.cmake")
