# Native (g++) targets: core tests, the sandbox server, and the browser tests as ctest entries.
option(AMP_FUZZ "clang with sanitizers: the Catch2 suite and the fuzz targets only (src/fuzz.cmake)" OFF)
find_package(Catch2 2 REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(OpenSSL REQUIRED) # hashing, MACs and randomness for the sandbox (cpp-httplib links it already)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
include(CTest)
include(Catch)

target_compile_options(amp_core PRIVATE -Wall -Wextra -Wpedantic)
target_sources(amp_core PRIVATE ${pinterest_catalog_h})
target_include_directories(amp_core PUBLIC ${CMAKE_CURRENT_BINARY_DIR}/gen)

# The sandbox: a library (so Catch2 can drive it in-process) and the amp-sandbox executable.
file(GLOB amp_sandbox_sources CONFIGURE_DEPENDS src/sandbox/*.cpp)
list(FILTER amp_sandbox_sources EXCLUDE REGEX "/main\\.cpp$")
add_library(amp_sandbox_lib STATIC ${amp_sandbox_sources})
target_include_directories(amp_sandbox_lib PUBLIC src)
target_link_libraries(amp_sandbox_lib PUBLIC nlohmann_json::nlohmann_json PkgConfig::HTTPLIB OpenSSL::Crypto Threads::Threads)
target_compile_options(amp_sandbox_lib PRIVATE -Wall -Wextra)
amp_embed(sandbox_catalog_h amp_sandbox_catalog ${CMAKE_CURRENT_SOURCE_DIR}/assets/catalog/catalog.json)
target_sources(amp_sandbox_lib PRIVATE ${sandbox_catalog_h})
target_include_directories(amp_sandbox_lib PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/gen)
add_executable(amp-sandbox src/sandbox/main.cpp)
target_link_libraries(amp-sandbox PRIVATE amp_sandbox_lib)

file(GLOB amp_test_sources CONFIGURE_DEPENDS tests/core/*.cpp tests/sandbox/*.cpp)
add_executable(amp_tests ${amp_test_sources})
target_link_libraries(amp_tests PRIVATE amp_core amp_sandbox_lib Catch2::Catch2)
target_compile_definitions(amp_tests PRIVATE AMP_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
if(AMP_FUZZ) # the sanitized build: the suite once more, and the fuzz targets
  include(${CMAKE_CURRENT_LIST_DIR}/fuzz.cmake)
  return()
endif()
catch_discover_tests(amp_tests)

# Browser and contract tests: one ctest entry per file, run by node's test runner against dist/ and the sandbox.
file(GLOB amp_node_tests CONFIGURE_DEPENDS tests/browser/*.test.mjs tests/contract/*.test.mjs)
foreach(t ${amp_node_tests})
  get_filename_component(name ${t} NAME_WE)
  get_filename_component(dir ${t} DIRECTORY)
  get_filename_component(kind ${dir} NAME)
  add_test(NAME ${kind}.${name} COMMAND node --test --test-reporter=spec ${t})
  set_tests_properties(${kind}.${name} PROPERTIES TIMEOUT 600 ENVIRONMENT
    "AMP_SANDBOX=$<TARGET_FILE:amp-sandbox>;AMP_DIST=${CMAKE_CURRENT_SOURCE_DIR}/dist;AMP_NODE_MODULES=${CMAKE_CURRENT_SOURCE_DIR}/web/node_modules")
endforeach()

# The download-size budget (tests/bench/budget.json): a size check, not a timing.
add_test(NAME size.budget COMMAND node ${CMAKE_CURRENT_SOURCE_DIR}/tests/bench/budget.mjs)
set_tests_properties(size.budget PROPERTIES ENVIRONMENT "AMP_DIST=${CMAKE_CURRENT_SOURCE_DIR}/dist")
