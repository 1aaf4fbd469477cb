# Web (em++) targets: Dear ImGui from the unpacked Debian source, the widget, and the static site in dist/.
set(IMGUI_DIR "" CACHE PATH "Dear ImGui 1.90.1 sources, unpacked by ./dev")
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "IMGUI_DIR does not hold Dear ImGui; run ./dev build")
endif()
set(AMP_DIST ${CMAKE_CURRENT_BINARY_DIR}/dist) # the site, per build; `cmake --install` copies it out
set(release $<NOT:$<CONFIG:Debug>>)

# Size flags chosen by measuring (./dev bench prints the result); Debug keeps every check on.
set(amp_compile_flags $<IF:${release},-Oz$<SEMICOLON>-flto$<SEMICOLON>-DNDEBUG,-O1$<SEMICOLON>-g>
    -fno-exceptions -fno-rtti)
set(amp_imgui_defs IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_OBSOLETE_FUNCTIONS
    IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_IMPL_OPENGL_ES3 JSON_NOEXCEPTION
    IMGUI_USE_WCHAR32) # whole code points in text fields: typed or pasted emoji stay intact

# ImFontAtlas::Build() falls back to AddFontDefault() when no font was added, and that one call keeps
# ProggyClean in every wasm (11,980 bytes of base85 text, 9.3 KB after brotli, plus its decompressor) although the
# widget always adds its own font first. The build compiles a copy of imgui_draw.cpp without that fallback;
# AddFontDefault() itself stays for a program that calls it (the benchmark's bare page does).
set(imgui_draw_cpp ${CMAKE_CURRENT_BINARY_DIR}/gen/imgui_draw.cpp)
file(READ ${IMGUI_DIR}/imgui_draw.cpp imgui_draw_text)
set(implicit_default_font "    if (ConfigData.Size == 0)\n        AddFontDefault();\n")
string(FIND "${imgui_draw_text}" "${implicit_default_font}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "imgui_draw.cpp no longer adds ProggyClean in Build(); revisit src/web.cmake")
endif()
string(REPLACE "${implicit_default_font}" "" imgui_draw_text "${imgui_draw_text}")
file(WRITE ${imgui_draw_cpp}.new "${imgui_draw_text}")
file(COPY_FILE ${imgui_draw_cpp}.new ${imgui_draw_cpp} ONLY_IF_DIFFERENT) # no rebuild on every configure
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${IMGUI_DIR}/imgui_draw.cpp)

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${imgui_draw_cpp} ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends ${IMGUI_DIR}/misc/cpp)
target_compile_definitions(imgui PUBLIC ${amp_imgui_defs})
target_compile_options(imgui PRIVATE ${amp_compile_flags})
target_compile_options(amp_core PRIVATE ${amp_compile_flags})
target_compile_definitions(amp_core PUBLIC JSON_NOEXCEPTION)
target_sources(amp_core PRIVATE ${pinterest_catalog_h})
target_include_directories(amp_core PUBLIC ${CMAKE_CURRENT_BINARY_DIR}/gen)

# The UI font: Roboto Regular from Debian's fonts-roboto-unhinted (web/fonts.cpp makes its semibold),
# subset to Latin-1 plus the punctuation the screens draw (kEmbeddedGlyphs in src/core/glyph_demand.h lists the
# same code points; other characters come from the browser, src/web/glyphs.cpp), then embedded (no filesystem, and HTTP
# compression covers the wasm). Only the tables stb_truetype reads are kept, and the outlines move
# from 2048 to 256 units per em: a unit is then 0.06 device pixels in 15 px text at DPR 1 and half a
# pixel in the largest text drawn (a 22 px title at fontScale 2 on a DPR 3 phone), and the file is
# 2.9 KB smaller after brotli.
find_file(AMP_UI_FONT Roboto-Regular.ttf PATH_SUFFIXES truetype/roboto/unhinted/RobotoTTF
  PATHS /usr/share/fonts /usr/local/share/fonts NO_CMAKE_FIND_ROOT_PATH REQUIRED)
# fontTools comes from Debian's python3-fonttools, so the first python3 on the PATH that can import it
# (a pyenv or venv one ahead of the system's may not).
function(amp_has_fonttools result candidate)
  execute_process(COMMAND ${candidate} -c "import fontTools.subset" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL 0)
    set(${result} FALSE PARENT_SCOPE)
  endif()
endfunction()
find_program(AMP_PYTHON python3 VALIDATOR amp_has_fonttools REQUIRED)
set(font_src ${AMP_UI_FONT})
set(font_subset ${CMAKE_CURRENT_BINARY_DIR}/gen/ui-font-2048.ttf)
set(font_file ${CMAKE_CURRENT_BINARY_DIR}/gen/ui-font.ttf)
add_custom_command(OUTPUT ${font_file}
  COMMAND ${AMP_PYTHON} -m fontTools.subset ${font_src}
          --unicodes=U+0020-007E,U+00A0-00FF,U+2013-2014,U+2018-201D,U+2022,U+2026
          --no-hinting --desubroutinize --layout-features= --name-IDs= --no-notdef-outline
          --drop-tables+=GDEF,GSUB,GPOS,post,OS/2 --output-file=${font_subset}
  COMMAND ${AMP_PYTHON} -m fontTools.ttLib.scaleUpem ${font_subset} 256 --output-file=${font_file}
  DEPENDS ${font_src} VERBATIM)
amp_embed(font_h amp_ui_font ${font_file})

file(GLOB amp_widget_sources CONFIGURE_DEPENDS src/ui/*.cpp src/web/*.cpp)
add_executable(amp-widget ${amp_widget_sources} ${font_h})
target_include_directories(amp-widget PRIVATE src ${CMAKE_CURRENT_BINARY_DIR}/gen)
target_link_libraries(amp-widget PRIVATE amp_core imgui amp_warnings)
target_compile_options(amp-widget PRIVATE ${amp_compile_flags})
set(bridge ${CMAKE_CURRENT_SOURCE_DIR}/web/bridge.js)
set_target_properties(amp-widget PROPERTIES OUTPUT_NAME amp-widget SUFFIX .js
  RUNTIME_OUTPUT_DIRECTORY ${AMP_DIST} LINK_DEPENDS ${bridge})
set(amp_link_flags ${amp_compile_flags}
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sGL_POOL_TEMP_BUFFERS=0
  -sFILESYSTEM=0 -sMALLOC=emmalloc -sENVIRONMENT=web -sSUPPORT_LONGJMP=0 -sALLOW_MEMORY_GROWTH=1
  # Emscripten 3.1.6 starts with 16 MiB and a 5 MiB stack; the widget needs far less (no frame keeps large
  # buffers; nlohmann parses and frees nested JSON without recursion), and grows the
  # heap only as it is used.
  -sINITIAL_MEMORY=2097152 -sTOTAL_STACK=524288
  -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0 -sMODULARIZE=1
  # Glue the widget never runs (1,146 bytes of amp-widget.js, 461 after brotli): WebGL2 has what ImGui draws
  # with, so no extension is enabled or listed; the version is read as GL_MAJOR_VERSION, not parsed from a
  # string; every browser with WebGL2 has TextDecoder.
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0
  -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0 -sGL_EMULATE_GLES_VERSION_STRING_FORMAT=0 -sTEXTDECODER=2
  $<IF:${release},-sASSERTIONS=0$<SEMICOLON>-sGL_TRACK_ERRORS=0$<SEMICOLON>--closure=1,-sASSERTIONS=1>)
target_link_options(amp-widget PRIVATE ${amp_link_flags} -sEXPORT_NAME=AmpersandSetupModule
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free -sINCOMING_MODULE_JS_API=canvas,ampHost,locateFile
  --js-library=${bridge} --emit-symbol-map)
# The symbol map names the wasm's functions for tests/bench/profile.py; it is no part of the site.
add_custom_command(TARGET amp-widget POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E rename ${AMP_DIST}/amp-widget.js.symbols ${CMAKE_CURRENT_BINARY_DIR}/amp-widget.symbols)

# The loader (web/src, bundled into one ampersand-setup.js) and hosted.js, minified by esbuild
# (web/bundle.mjs). The bundle takes the version from here and the mirror's action numbers from
# src/ui/mirror.h, so neither is written twice.
find_program(NODE_EXECUTABLE node REQUIRED)
file(GLOB loader_sources CONFIGURE_DEPENDS web/src/*.js)
add_custom_command(OUTPUT ${AMP_DIST}/ampersand-setup.js ${AMP_DIST}/hosted.js
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/web/bundle.mjs ${AMP_DIST} ${PROJECT_VERSION}
  DEPENDS ${loader_sources} ${CMAKE_CURRENT_SOURCE_DIR}/web/hosted.js ${CMAKE_CURRENT_SOURCE_DIR}/web/bundle.mjs
          ${CMAKE_CURRENT_SOURCE_DIR}/src/ui/mirror.h ${CMAKE_CURRENT_SOURCE_DIR}/shell/skeleton.css
          ${CMAKE_CURRENT_SOURCE_DIR}/web/package-lock.json VERBATIM)

# The rest of the static site: the hosted page, the types and the deploy-time configuration.
set(site_files shell/index.html shell/hosted.css shell/skeleton.css web/ampersand-setup.d.ts assets/config.json)
set(site_outputs)
foreach(f ${site_files})
  get_filename_component(name ${f} NAME)
  add_custom_command(OUTPUT ${AMP_DIST}/${name}
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_SOURCE_DIR}/${f} ${AMP_DIST}/${name}
    DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${f} VERBATIM)
  list(APPEND site_outputs ${AMP_DIST}/${name})
endforeach()
add_custom_target(site ALL DEPENDS ${site_outputs} ${AMP_DIST}/ampersand-setup.js ${AMP_DIST}/hosted.js)

# Guides on demand (dist/providers/<name>.json, one per OAuth provider of the catalog, and index.json for
# the picker), so a Pinterest user's download does not grow with the catalog: written by src/tools/write_guides.cpp,
# built with em++ like the widget and run under node.
add_executable(amp-guides src/tools/write_guides.cpp)
target_link_libraries(amp-guides PRIVATE amp_core amp_warnings)
target_compile_options(amp-guides PRIVATE ${amp_compile_flags})
target_link_options(amp-guides PRIVATE ${amp_compile_flags} -sNODERAWFS=1 -sENVIRONMENT=node -sEXIT_RUNTIME=1
  -sWASM_ASYNC_COMPILATION=0) # synchronous: this Emscripten would fetch() the wasm in a node that has fetch
set_target_properties(amp-guides PROPERTIES SUFFIX .js RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/tools)
file(GLOB curated_guides CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/assets/providers/*.json)
# The curated guides' translations (assets/providers/<locale>/<name>.json, core/guide_overlay.h) go beside
# them, one folder per locale, fetched only by admins of that locale: never embedded.
file(GLOB guide_overlays CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/assets/providers/*/*.json)
set(overlay_copies)
foreach(overlay ${guide_overlays})
  file(RELATIVE_PATH overlay_rel ${CMAKE_CURRENT_SOURCE_DIR}/assets/providers ${overlay})
  get_filename_component(overlay_locale ${overlay_rel} DIRECTORY)
  list(APPEND overlay_copies COMMAND ${CMAKE_COMMAND} -E make_directory ${AMP_DIST}/providers/${overlay_locale}
       COMMAND ${CMAKE_COMMAND} -E copy ${overlay} ${AMP_DIST}/providers/${overlay_rel})
endforeach()
set(guides_catalog ${CMAKE_CURRENT_SOURCE_DIR}/assets/catalog/catalog.json)
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/guides.stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${AMP_DIST}/providers
  COMMAND ${CMAKE_COMMAND} -E make_directory ${AMP_DIST}/providers
  COMMAND ${NODE_EXECUTABLE} $<TARGET_FILE:amp-guides> ${guides_catalog} ${AMP_DIST}/providers ${curated_guides}
  ${overlay_copies}
  COMMAND ${CMAKE_COMMAND} -E touch ${CMAKE_CURRENT_BINARY_DIR}/guides.stamp
  DEPENDS amp-guides ${guides_catalog} ${curated_guides} ${guide_overlays} VERBATIM)
add_custom_target(guides ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/guides.stamp)

# Message catalogs on demand (dist/locales/<locale>.json), fetched by the loader for a non-English admin
# only: English is built into the module (core/messages.h).
file(GLOB locale_files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/assets/locales/*.json)
list(FILTER locale_files EXCLUDE REGEX "/en\\.json$")
add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/locales.stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${AMP_DIST}/locales
  COMMAND ${CMAKE_COMMAND} -E make_directory ${AMP_DIST}/locales
  COMMAND ${CMAKE_COMMAND} -E copy ${locale_files} ${AMP_DIST}/locales
  COMMAND ${CMAKE_COMMAND} -E touch ${CMAKE_CURRENT_BINARY_DIR}/locales.stamp
  DEPENDS ${locale_files} VERBATIM)
add_custom_target(locales ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/locales.stamp)

# The benchmark's yardstick (tests/bench/bare): a bare ImGui page with the same flags, built only when
# ./dev bench asks for it.
add_executable(amp-bare EXCLUDE_FROM_ALL tests/bench/bare/main.cpp)
target_link_libraries(amp-bare PRIVATE imgui amp_warnings)
target_compile_options(amp-bare PRIVATE ${amp_compile_flags})
target_link_options(amp-bare PRIVATE ${amp_link_flags} -sEXPORT_NAME=Bare -sINCOMING_MODULE_JS_API=canvas)
set_target_properties(amp-bare PROPERTIES OUTPUT_NAME bare SUFFIX .js RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/bare)
add_custom_command(TARGET amp-bare POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_SOURCE_DIR}/tests/bench/bare/index.html ${CMAKE_CURRENT_BINARY_DIR}/bare/)
