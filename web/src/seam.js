// Facts defined on the C++ and CMake side, put into the bundle by web/bundle.mjs at build time so they
// are written down once: the mirror actions (enum ui::PageAction in src/ui/mirror.h) and the version
// (PROJECT_VERSION in CMakeLists.txt), and the loading skeleton's styles (shell/skeleton.css, which the
// hosted page also links).
/* global AMP_PAGE_ACTIONS, AMP_VERSION, AMP_SKELETON_CSS */
export const PageAction = AMP_PAGE_ACTIONS;
export const VERSION = AMP_VERSION;
export const SKELETON_CSS = AMP_SKELETON_CSS;
