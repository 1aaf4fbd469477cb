# ./dev fuzz: a clang build with ASan and UBSan over everything (the flags come from ./dev), the Catch2
# suite as one ctest entry, and a libFuzzer target per parser and state machine. Each target runs for a
# few seconds from its committed seed corpus (tests/fuzz/corpus/<name>) as a ctest entry; new inputs go
# to the build tree. For a longer run: ./dev fuzz <name> <seconds>.
set(AMP_FUZZ_SECONDS 4 CACHE STRING "how long each fuzz target runs under ctest")
target_compile_options(amp_core PRIVATE -fsanitize=fuzzer-no-link) # coverage feedback for libFuzzer

add_test(NAME sanitized.catch2 COMMAND amp_tests)
set_tests_properties(sanitized.catch2 PROPERTIES TIMEOUT 600)

file(GLOB amp_fuzz_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/*.cpp)
foreach(src ${amp_fuzz_sources})
  get_filename_component(name ${src} NAME_WE)
  add_executable(fuzz_${name} ${src})
  target_link_libraries(fuzz_${name} PRIVATE amp_core amp_warnings)
  target_compile_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  set(work ${CMAKE_CURRENT_BINARY_DIR}/fuzz/${name})
  file(MAKE_DIRECTORY ${work}/corpus)
  add_test(NAME fuzz.${name} COMMAND fuzz_${name} -max_total_time=${AMP_FUZZ_SECONDS} -timeout=10
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=${work}/
    ${work}/corpus ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/corpus/${name})
  set_tests_properties(fuzz.${name} PROPERTIES TIMEOUT 120)
endforeach()
