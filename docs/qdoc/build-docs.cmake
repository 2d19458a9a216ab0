# Runs qdoc over QtVirt's documentation and fails on any warning; with
# QHELPGENERATOR set, also makes the Qt help file. Run with cmake -P from
# docs/CMakeLists.txt, which passes the variables below.
#   PYTHON QDOC SOURCE_DIR BUILD_INCLUDE QT_INCLUDE QT_DOC_GLOBAL VERSION
#   OUTPUT_DIR [QHELPGENERATOR]
set(header_docs "${OUTPUT_DIR}/headerdocs")
set(html "${OUTPUT_DIR}/html")
file(REMOVE_RECURSE "${header_docs}" "${html}")

file(GLOB headers "${SOURCE_DIR}/include/QtVirt/*.h")

# Every \since names a released version in the form MAJOR.MINOR, no later
# than the version being built: API marked "\since 0.2" in a library that
# calls itself 0.1.0 tells readers of the reference that it is not there yet.
string(REGEX MATCH "^[0-9]+\\.[0-9]+" built_minor "${VERSION}")
file(GLOB_RECURSE since_sources "${SOURCE_DIR}/include/QtVirt/*.h" "${SOURCE_DIR}/src/*.cpp"
    "${SOURCE_DIR}/src/*.h" "${SOURCE_DIR}/docs/qdoc/*.qdoc")
set(since_problems "")
foreach(source IN LISTS since_sources)
    file(STRINGS "${source}" since_lines REGEX "\\\\since")
    foreach(line IN LISTS since_lines)
        if(NOT line MATCHES "\\\\since ([0-9]+\\.[0-9]+)([ */]|$)")
            string(APPEND since_problems "\n${source}: not \\since MAJOR.MINOR: ${line}")
        elseif(CMAKE_MATCH_1 VERSION_GREATER built_minor)
            string(APPEND since_problems
                "\n${source}: \\since ${CMAKE_MATCH_1} is later than the version ${VERSION}")
        endif()
    endforeach()
endforeach()
if(since_problems)
    message(FATAL_ERROR "\\since does not match the version:${since_problems}")
endif()

execute_process(
    COMMAND "${PYTHON}" "${SOURCE_DIR}/docs/qdoc/headerdocs.py" "${header_docs}" ${headers}
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "headerdocs.py failed (${rc})")
endif()

# Qt's classes, for qdoc to link to doc.qt.io (see the script's comment).
set(qt_classes_index "${OUTPUT_DIR}/qt-classes.index")
file(GLOB qdoc_pages "${SOURCE_DIR}/docs/qdoc/*.qdoc")
execute_process(
    COMMAND "${PYTHON}" "${SOURCE_DIR}/docs/qdoc/qtclassindex.py" "${qt_classes_index}"
        "${QT_INCLUDE}" ${headers} ${qdoc_pages}
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "qtclassindex.py failed (${rc})")
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
        "QTVIRT_QT_CLASSES_INDEX=${qt_classes_index}"
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
# Qt's classes link to Qt's own reference: QVirtStream is a QIODevice.
file(READ "${html}/qvirtstream.html" stream_page)
if(NOT stream_page MATCHES "href=\"https://doc\\.qt\\.io/qt-6/qiodevice\\.html\"")
    message(FATAL_ERROR "qvirtstream.html does not link QIODevice to doc.qt.io")
endif()

if(QHELPGENERATOR)
    execute_process(COMMAND "${QHELPGENERATOR}" "${html}/qtvirt.qhp" -o "${OUTPUT_DIR}/qtvirt.qch"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "qhelpgenerator failed (${rc}):\n${out}\n${err}")
    endif()
endif()
