# Fails when a translation catalogue has work left: an entry marked unfinished, or an empty
# translation. Run as: cmake -DTS_DIR=<translations folder> -P check-translations.cmake
# (registered with CTest as translations.complete).
if(NOT TS_DIR)
    message(FATAL_ERROR "check-translations: pass -DTS_DIR=<folder with the .ts files>")
endif()
file(GLOB ts_files "${TS_DIR}/*.ts")
if(NOT ts_files)
    message(FATAL_ERROR "check-translations: no .ts file in ${TS_DIR}")
endif()

set(problems 0)
foreach(ts IN LISTS ts_files)
    get_filename_component(name "${ts}" NAME)
    file(STRINGS "${ts}" lines)
    set(line_number 0)
    set(file_problems 0)
    foreach(line IN LISTS lines)
        math(EXPR line_number "${line_number} + 1")
        # <translation type="unfinished">, <translation/> and <translation></translation>;
        # obsolete and vanished entries are left to lupdate -no-obsolete.
        if(line MATCHES "type=\"unfinished\"" OR line MATCHES "<translation */>"
           OR line MATCHES "<translation></translation>" OR line MATCHES "<numerusform */>"
           OR line MATCHES "<numerusform></numerusform>")
            message("${name}:${line_number}: unfinished: ${line}")
            math(EXPR file_problems "${file_problems} + 1")
        endif()
    endforeach()
    if(file_problems GREATER 0)
        message("${name}: ${file_problems} unfinished entries")
        math(EXPR problems "${problems} + ${file_problems}")
    else()
        message("${name}: complete")
    endif()
endforeach()

if(problems GREATER 0)
    message(FATAL_ERROR "check-translations: ${problems} unfinished entries; see translations/README.md")
endif()
