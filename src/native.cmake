# Native (g++) targets: core tests, the sandbox server, and the browser tests as ctest entries.
option(AMP_FUZZ "clang with sanitizers: the Catch2 suite and the fuzz targets only (src/fuzz.cmake)" OFF)
find_package(Catch2 2 REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(OpenSSL REQUIRED) # hashing, MACs and randomness for the sandbox (cpp-httplib links it already)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(BROTLIENC REQUIRED IMPORTED_TARGET libbrotlienc) # the web origin's compressed files
find_package(ZLIB REQUIRED)
include(CTest)
include(Catch)

target_sources(amp_core PRIVATE ${pinterest_catalog_h})
target_include_directories(amp_core PUBLIC ${CMAKE_CURRENT_BINARY_DIR}/gen)

# The sandbox: a library (so Catch2 can drive it in-process) and the amp-sandbox executable.
file(GLOB amp_sandbox_sources CONFIGURE_DEPENDS src/sandbox/*.cpp)
list(FILTER amp_sandbox_sources EXCLUDE REGEX "/main\\.cpp$")
add_library(amp_sandbox_lib STATIC ${amp_sandbox_sources})
target_include_directories(amp_sandbox_lib PUBLIC src)
target_link_libraries(amp_sandbox_lib PUBLIC nlohmann_json::nlohmann_json PkgConfig::HTTPLIB PkgConfig::BROTLIENC ZLIB::ZLIB OpenSSL::Crypto Threads::Threads)
target_link_libraries(amp_sandbox_lib PRIVATE amp_warnings)
amp_embed(sandbox_catalog_h amp_sandbox_catalog ${CMAKE_CURRENT_SOURCE_DIR}/assets/catalog/catalog.json)
target_sources(amp_sandbox_lib PRIVATE ${sandbox_catalog_h})
target_include_directories(amp_sandbox_lib PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/gen)
add_executable(amp-sandbox src/sandbox/main.cpp)
target_link_libraries(amp-sandbox PRIVATE amp_sandbox_lib amp_warnings)

file(GLOB amp_test_sources CONFIGURE_DEPENDS tests/core/*.cpp tests/sandbox/*.cpp)
add_executable(amp_tests ${amp_test_sources})
target_link_libraries(amp_tests PRIVATE amp_core amp_sandbox_lib Catch2::Catch2 amp_warnings)
target_compile_definitions(amp_tests PRIVATE AMP_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
if(AMP_FUZZ) # the sanitized build: the suite once more, and the fuzz targets
  include(${CMAKE_CURRENT_LIST_DIR}/fuzz.cmake)
  return()
endif()
catch_discover_tests(amp_tests)

# The widget the browser tests and the size budget run against: the web build's site in its build tree
# (build/web from the web-release preset; ./dev points this at build/web-debug for AMP_WEB_CONFIG=Debug).
# The fixture brings that build up to date first, so a stale or missing widget fails loudly, not silently.
set(AMP_WEB_BUILD_DIR ${CMAKE_CURRENT_SOURCE_DIR}/build/web CACHE PATH "the web build whose dist/ the browser tests load")
set(amp_widget_dist ${AMP_WEB_BUILD_DIR}/dist)
add_test(NAME web.build COMMAND ${CMAKE_COMMAND} --build ${AMP_WEB_BUILD_DIR})
# emscripten reads these when linking; the presets and ./dev set them for configuring, and the fixture keeps them.
set_tests_properties(web.build PROPERTIES FIXTURES_SETUP widget TIMEOUT 1800
  ENVIRONMENT "NODE_PATH=$ENV{NODE_PATH};EM_CLOSURE_COMPILER=$ENV{EM_CLOSURE_COMPILER}")

# Browser and contract tests: one ctest entry per file, run by node's test runner against the widget and the sandbox.
file(GLOB amp_node_tests CONFIGURE_DEPENDS tests/browser/*.test.mjs tests/contract/*.test.mjs)
foreach(t ${amp_node_tests})
  get_filename_component(name ${t} NAME_WE)
  get_filename_component(dir ${t} DIRECTORY)
  get_filename_component(kind ${dir} NAME)
  add_test(NAME ${kind}.${name} COMMAND node --test --test-reporter=spec ${t})
  set_tests_properties(${kind}.${name} PROPERTIES TIMEOUT 600 ENVIRONMENT
    "AMP_SANDBOX=$<TARGET_FILE:amp-sandbox>;AMP_DIST=${amp_widget_dist};AMP_NODE_MODULES=${CMAKE_CURRENT_SOURCE_DIR}/web/node_modules")
  if(kind STREQUAL "browser")
    set_tests_properties(${kind}.${name} PROPERTIES FIXTURES_REQUIRED widget)
  endif()
endforeach()

# The download-size budget (tests/bench/budget.json): a size check, not a timing.
add_test(NAME size.budget COMMAND node ${CMAKE_CURRENT_SOURCE_DIR}/tests/bench/budget.mjs)
set_tests_properties(size.budget PROPERTIES FIXTURES_REQUIRED widget ENVIRONMENT "AMP_DIST=${amp_widget_dist}")
