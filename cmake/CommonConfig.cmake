# One INTERFACE target holds the language level, warnings and Qt safety macros. Every target links it;
# nothing is set directory-wide.
add_library(handoff_common INTERFACE)
add_library(handoff::common ALIAS handoff_common)

target_compile_features(handoff_common INTERFACE cxx_std_20)
target_compile_definitions(handoff_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    OPENSSL_API_COMPAT=30000
    OPENSSL_NO_DEPRECATED
    "HANDOFF_VERSION=\"${PROJECT_VERSION}\"")

target_compile_options(handoff_common INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    -Wformat=2 -Wimplicit-fallthrough -Wmissing-declarations
    $<$<CONFIG:Release,RelWithDebInfo>:-D_FORTIFY_SOURCE=2>
    -fstack-protector-strong)

if(HANDOFF_SANITIZE)
    list(JOIN HANDOFF_SANITIZE "," _handoff_sanitizers)
    # A sanitizer finding stops the program (and fails its test) instead of printing and going on.
    target_compile_options(handoff_common INTERFACE
        -fsanitize=${_handoff_sanitizers} -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(handoff_common INTERFACE -fsanitize=${_handoff_sanitizers} -fno-sanitize-recover=all)
endif()

# The libFuzzer targets (tests/fuzz) are built in the sanitizer tree: every object gets the coverage
# instrumentation libFuzzer steers by (fuzzer-no-link); only the fuzz executables link libFuzzer's main.
if(HANDOFF_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "HANDOFF_BUILD_FUZZERS needs clang (libFuzzer); use the asan preset")
    endif()
    target_compile_options(handoff_common INTERFACE -fsanitize=fuzzer-no-link)
endif()
