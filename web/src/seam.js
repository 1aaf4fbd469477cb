// Facts defined on the C++ and CMake side, put into the bundle by web/bundle.mjs at build time so they
// are written down once: the mirror actions (enum ui::PageAction in src/ui/mirror.h) and the version
// (PROJECT_VERSION in CMakeLists.txt).
/* global AMP_PAGE_ACTIONS, AMP_VERSION */
export const PageAction = AMP_PAGE_ACTIONS;
export const VERSION = AMP_VERSION;
