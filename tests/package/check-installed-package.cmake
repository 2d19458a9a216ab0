# Run with cmake -P; see tests/package/CMakeLists.txt.
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")

function(run_checked)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "Command failed (${rc}): ${ARGN}\n${out}\n${err}")
    endif()
    set(last_output "${out}" PARENT_SCOPE)
endfunction()

run_checked(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

foreach(header QtVirt/QtVirtEventImpl QtVirt/qtvirteventimpl.h QtVirt/QVirtDomainModel
        QtVirt/qvirtdomainmodel.h QtVirt/qtvirtcore_export.h QtVirt/qtvirtversion.h)
    if(NOT EXISTS "${prefix}/include/${header}")
        message(FATAL_ERROR "Installed tree lacks include/${header}")
    endif()
endforeach()

file(GLOB libdirs LIST_DIRECTORIES true "${prefix}/lib*")
file(GLOB_RECURSE sonames "${prefix}/lib*/libQtVirtCore.so.${EXPECTED_SOVERSION}")
file(GLOB_RECURSE realnames "${prefix}/lib*/libQtVirtCore.so.${EXPECTED_VERSION}")
if(NOT sonames OR NOT realnames)
    message(FATAL_ERROR "Installed tree lacks libQtVirtCore.so.${EXPECTED_SOVERSION} -> .so.${EXPECTED_VERSION}")
endif()

run_checked(${CMAKE_COMMAND} -S "${CONSUMER_SOURCE_DIR}" -B "${WORK_DIR}/consumer-build"
    -G "${CMAKE_GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}")
run_checked(${CMAKE_COMMAND} --build "${WORK_DIR}/consumer-build")
run_checked("${WORK_DIR}/consumer-build/consumer")
if(NOT last_output MATCHES "timeout fired through QtVirt ${EXPECTED_VERSION}")
    message(FATAL_ERROR "The consumer ran but did not report its timeout:\n${last_output}")
endif()
if(NOT last_output MATCHES "QVirtDomainModel: 0 rows, columns Name, State, CPU %, Memory, vCPUs, Host")
    message(FATAL_ERROR "The consumer did not use QVirtDomainModel:\n${last_output}")
endif()
# Built against QtVirtCore alone: no QML library may come with it.
execute_process(COMMAND ldd "${WORK_DIR}/consumer-build/consumer" OUTPUT_VARIABLE linked)
if(linked MATCHES "libQt6Qml|libQtVirtQml")
    message(FATAL_ERROR "The consumer of QtVirtCore links QML:\n${linked}")
endif()

# The qt-manager example, built outside the tree from its sources.
if(EXAMPLES_DIR AND EXISTS "${EXAMPLES_DIR}/qt-manager")
    run_checked(${CMAKE_COMMAND} -S "${CMAKE_CURRENT_LIST_DIR}/manager-consumer"
        -B "${WORK_DIR}/manager-consumer-build" -G "${CMAKE_GENERATOR}"
        "-DCMAKE_PREFIX_PATH=${prefix}" "-DEXAMPLES_DIR=${EXAMPLES_DIR}")
    run_checked(${CMAKE_COMMAND} --build "${WORK_DIR}/manager-consumer-build")
    run_checked(${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
        "${WORK_DIR}/manager-consumer-build/qt-manager" --help)
    if(NOT last_output MATCHES "--no-restore")
        message(FATAL_ERROR "The qt-manager built outside the tree did not print its help:\n${last_output}")
    endif()
endif()

list(GET sonames 0 soname)
get_filename_component(libdir "${soname}" DIRECTORY)
set(ENV{PKG_CONFIG_PATH} "${libdir}/pkgconfig")
run_checked(pkg-config --modversion QtVirtCore)
string(STRIP "${last_output}" pcversion)
if(NOT pcversion STREQUAL EXPECTED_VERSION)
    message(FATAL_ERROR "pkg-config reports ${pcversion}, expected ${EXPECTED_VERSION}")
endif()
run_checked(pkg-config --cflags --libs QtVirtCore)
if(NOT last_output MATCHES "-lQtVirtCore")
    message(FATAL_ERROR "pkg-config --libs lacks -lQtVirtCore: ${last_output}")
endif()

# The QML module, when this build has it: `import QtVirt` from the prefix,
# by a program that finds it through QML_IMPORT_PATH only.
if(EXISTS "${BUILD_DIR}/qml/QtVirt/qmldir")
    file(GLOB_RECURSE qmldirs "${prefix}/qmldir")
    list(FILTER qmldirs INCLUDE REGEX "/QtVirt/qmldir$")
    if(NOT qmldirs)
        message(FATAL_ERROR "Installed tree lacks the QML module QtVirt (qmldir)")
    endif()
    list(GET qmldirs 0 qmldir)
    get_filename_component(module_dir "${qmldir}" DIRECTORY)
    get_filename_component(import_path "${module_dir}" DIRECTORY)
    get_filename_component(source_dir "${CMAKE_CURRENT_LIST_DIR}/../qml/installed-consumer" ABSOLUTE)
    run_checked(${CMAKE_COMMAND} -S "${source_dir}" -B "${WORK_DIR}/qml-consumer-build"
        -G "${CMAKE_GENERATOR}")
    run_checked(${CMAKE_COMMAND} --build "${WORK_DIR}/qml-consumer-build")
    run_checked(${CMAKE_COMMAND} -E env "QML_IMPORT_PATH=${import_path}"
        "${WORK_DIR}/qml-consumer-build/qml-consumer")
    if(NOT last_output MATCHES "import QtVirt works, 0 domains")
        message(FATAL_ERROR "The QML consumer ran but did not report the module:\n${last_output}")
    endif()
endif()
