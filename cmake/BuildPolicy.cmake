# One INTERFACE target carries the build policy; every target in the project links it.
add_library(fieldledger_policy INTERFACE)
target_compile_features(fieldledger_policy INTERFACE cxx_std_23)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(fieldledger_policy INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wshadow=local -Wimplicit-fallthrough -Wformat=2
    -fstack-protector-strong
    $<$<BOOL:${FIELDLEDGER_WERROR}>:-Werror>)
target_compile_definitions(fieldledger_policy INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH QT_USE_QSTRINGBUILDER QT_STRICT_ITERATORS
    QT_NO_CONTEXTLESS_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    FIELDLEDGER_VERSION="${PROJECT_VERSION}"
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
target_link_options(fieldledger_policy INTERFACE -Wl,-z,relro,-z,now -Wl,--as-needed)

if(FIELDLEDGER_ASAN)
    target_compile_options(fieldledger_policy INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(fieldledger_policy INTERFACE -fsanitize=address,undefined)
endif()
