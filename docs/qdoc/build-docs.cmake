# Runs qdoc over QtVirt's documentation and fails on any warning; with
# QHELPGENERATOR set, also makes the Qt help file. Run with cmake -P from
# docs/CMakeLists.txt, which passes the variables below.
#   PYTHON QDOC SOURCE_DIR BUILD_INCLUDE QT_INCLUDE QT_DOC_GLOBAL VERSION
#   OUTPUT_DIR [QHELPGENERATOR]
set(header_docs "${OUTPUT_DIR}/headerdocs")
set(html "${OUTPUT_DIR}/html")
file(REMOVE_RECURSE "${header_docs}" "${html}")

file(GLOB headers "${SOURCE_DIR}/include/QtVirt/*.h")
execute_process(
    COMMAND "${PYTHON}" "${SOURCE_DIR}/docs/qdoc/headerdocs.py" "${header_docs}" ${headers}
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "headerdocs.py failed (${rc})")
endif()

string(REPLACE "." "" version_tag "${VERSION}")
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env
        "QTVIRT_SOURCE_DIR=${SOURCE_DIR}"
        "QTVIRT_BUILD_INCLUDE=${BUILD_INCLUDE}"
        "QTVIRT_QT_INCLUDE=${QT_INCLUDE}"
        "QTVIRT_QT_DOC_GLOBAL=${QT_DOC_GLOBAL}"
        "QTVIRT_VERSION=${VERSION}"
        "QTVIRT_VERSION_TAG=${version_tag}"
        "QTVIRT_HEADER_DOCS=${header_docs}"
        "${QDOC}" "${SOURCE_DIR}/docs/qtvirt.qdocconf" --outputdir "${html}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
string(REGEX MATCHALL "[^\n]*(warning|error):[^\n]*" problems "${out}\n${err}")
if(NOT rc EQUAL 0 OR problems)
    list(LENGTH problems count)
    string(REPLACE ";" "\n" problems "${problems}")
    message(FATAL_ERROR "qdoc failed (exit ${rc}, ${count} warnings or errors):\n${problems}\n${err}")
endif()
if(NOT EXISTS "${html}/qvirtconnection.html")
    message(FATAL_ERROR "qdoc wrote no page for QVirtConnection:\n${out}\n${err}")
endif()

if(QHELPGENERATOR)
    execute_process(COMMAND "${QHELPGENERATOR}" "${html}/qtvirt.qhp" -o "${OUTPUT_DIR}/qtvirt.qch"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "qhelpgenerator failed (${rc}):\n${out}\n${err}")
    endif()
endif()
