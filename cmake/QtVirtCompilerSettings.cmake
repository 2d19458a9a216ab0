# Settings every target of the project shares, through one INTERFACE target
# so that installed consumers never inherit them.
add_library(qtvirt_build_settings INTERFACE)

target_compile_options(qtvirt_build_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wold-style-cast -Wcast-qual -Wformat=2 -Wundef)
if(QTVIRT_WERROR)
    target_compile_options(qtvirt_build_settings INTERFACE -Werror)
endif()

target_compile_definitions(qtvirt_build_settings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY QT_NO_KEYWORDS QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH QT_STRICT_ITERATORS)

# The tests' code (targets defined under tests/) is compiled without
# optimisation, in every variant: -O0 after the build type's -O2 (the later
# one wins) nearly halves its compile time (a QTest file 8.1 s instead of
# 15.1 s; under ASan+UBSan 11.7 s instead of 20.7 s at -O1), and the tests
# drive the library and wait for the daemon. The library, the examples and
# the benchmarks keep the build type's level.
set(_qtvirt_in_tests "$<PATH:IS_PREFIX,${PROJECT_SOURCE_DIR}/tests,$<TARGET_PROPERTY:SOURCE_DIR>>")
target_compile_options(qtvirt_build_settings INTERFACE "$<${_qtvirt_in_tests}:-O0>")

if(QTVIRT_SANITIZE)
    # For the compiler and the linker driver alike.
    set(_qtvirt_sanitize_flags -fsanitize=${QTVIRT_SANITIZE} -fno-omit-frame-pointer)
    if(QTVIRT_SANITIZE MATCHES "undefined")
        list(APPEND _qtvirt_sanitize_flags -fno-sanitize-recover=undefined)
    endif()
    # The sanitizers' reports need the file and line of each frame, not
    # variables: line tables only (-g1, after the build type's -g, so it
    # wins) compile 15 to 26 % faster than full -g for the heaviest
    # translation units under ASan, with the same code.
    set(_qtvirt_sanitize_compile_flags -g1)
    # QtVirt's own code at -O1 (after the build type's -O2, so it wins), the
    # level the sanitizers' documentation suggests: the heaviest unit
    # compiles in 12.5 s instead of 19 s under ASan+UBSan and in 6.1 s
    # instead of 8.1 s under TSan, and no benchmark runs in a sanitizer
    # build. The tests' code stays at -O0 (above).
    list(APPEND _qtvirt_sanitize_compile_flags "$<$<NOT:${_qtvirt_in_tests}>:-O1>")
    if(QTVIRT_SANITIZE MATCHES "thread" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        # Q_GLOBAL_STATIC, also in the code qmlcachegen generates, uses
        # std::atomic_thread_fence, which the sanitizer does not model: GCC
        # warns (-Wtsan) that it may report false races there. It cannot
        # hide a real one, so the warning must not fail the build.
        list(APPEND _qtvirt_sanitize_compile_flags -Wno-tsan)
    endif()
    target_compile_options(qtvirt_build_settings INTERFACE
        ${_qtvirt_sanitize_flags} ${_qtvirt_sanitize_compile_flags})
    target_link_options(qtvirt_build_settings INTERFACE ${_qtvirt_sanitize_flags})
endif()
