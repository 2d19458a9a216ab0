# Translations: one catalogue per component (qtvirt for the library, one per
# example), one .ts file per language in translations/, each catalogue
# embedded into the binary that uses it by qt_add_translations().
#
#   cmake --build BUILD --target update_translations   # lupdate, every catalogue
#
# Each catalogue also leaves BUILD/translations/CATALOGUE.lst, lupdate's list
# of include paths and sources, so that tests/console/tst_translations can
# run the very same lupdate on a copy and find stale .ts files.
find_package(Qt6 REQUIRED COMPONENTS LinguistTools)

set(QTVIRT_TRANSLATION_LANGUAGES de fr)

# Without locations a .ts file changes only when a message does, which keeps
# the catalogues mergeable while several people edit the sources.
set(QTVIRT_LUPDATE_OPTIONS -locations none -no-obsolete)

# qtvirt_translation_catalogue(NAME SOURCE_DIRS dir... [INCLUDE_DIRS dir...])
# Sets NAME_ts_files, NAME_sources and NAME_include_dirs in the caller and
# writes the catalogue's lupdate list.
function(qtvirt_translation_catalogue name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCE_DIRS;INCLUDE_DIRS")
    set(ts_files "")
    foreach(language IN LISTS QTVIRT_TRANSLATION_LANGUAGES)
        list(APPEND ts_files "${PROJECT_SOURCE_DIR}/translations/${name}_${language}.ts")
    endforeach()
    # The extensions lupdate itself reads when given a directory.
    set(globs "")
    foreach(dir IN LISTS arg_SOURCE_DIRS)
        foreach(extension IN ITEMS cpp h qml js ui)
            list(APPEND globs "${dir}/*.${extension}")
        endforeach()
    endforeach()
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${globs})
    list(SORT sources)

    set(list_content "")
    foreach(dir IN LISTS arg_INCLUDE_DIRS)
        string(APPEND list_content "-I${dir}\n")
    endforeach()
    foreach(source IN LISTS sources)
        string(APPEND list_content "${source}\n")
    endforeach()
    file(CONFIGURE OUTPUT "${PROJECT_BINARY_DIR}/translations/${name}.lst"
        CONTENT "${list_content}")

    set(${name}_ts_files "${ts_files}" PARENT_SCOPE)
    set(${name}_sources "${sources}" PARENT_SCOPE)
    set(${name}_include_dirs "${arg_INCLUDE_DIRS}" PARENT_SCOPE)
endfunction()

# qtvirt_add_translations(TARGET CATALOGUE NAME RESOURCE_PREFIX PREFIX
#                         SOURCE_DIRS dir... [INCLUDE_DIRS dir...])
# Embeds the catalogue into TARGET as PREFIX/NAME_LANGUAGE.qm; programs load
# it with QTranslator::load(QLocale(), NAME, "_", ":" PREFIX).
function(qtvirt_add_translations target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "CATALOGUE;RESOURCE_PREFIX" "SOURCE_DIRS;INCLUDE_DIRS")
    qtvirt_translation_catalogue(${arg_CATALOGUE}
        SOURCE_DIRS ${arg_SOURCE_DIRS} INCLUDE_DIRS ${arg_INCLUDE_DIRS})
    qt_add_translations(${target}
        TS_FILES ${${arg_CATALOGUE}_ts_files}
        SOURCES ${${arg_CATALOGUE}_sources}
        INCLUDE_DIRECTORIES ${${arg_CATALOGUE}_include_dirs}
        RESOURCE_PREFIX "${arg_RESOURCE_PREFIX}"
        LUPDATE_OPTIONS ${QTVIRT_LUPDATE_OPTIONS})
endfunction()
