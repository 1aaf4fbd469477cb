# cmake -P helper: writes OUT, a header with `inline constexpr unsigned char SYMBOL[]` and SYMBOL_size.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\n#pragma once\n#include <cstddef>\n"
  "inline constexpr unsigned char ${SYMBOL}[] = {\n${bytes}0};\n"
  "inline constexpr std::size_t ${SYMBOL}_size = ${size};\n")
