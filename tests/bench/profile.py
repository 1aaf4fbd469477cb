#!/usr/bin/env python3
"""Where the widget's wasm bytes go: code bytes per function and per part (ours, Dear ImGui, the JSON
library, the C++ runtime, libc), and the data section, from wasm-objdump (Debian's wabt) and the symbol
map em++ writes with --emit-symbol-map. Link-time optimisation inlines across parts, so a function counts
for the part its name says (frame() holds most of the screens). Usage: profile.py module.wasm module.js.symbols [top N]."""
import re
import subprocess
import sys

wasm, symbols = sys.argv[1], sys.argv[2]
top = int(sys.argv[3]) if len(sys.argv) > 3 else 25

names = {}
for line in open(symbols, encoding="utf-8"):
    index, _, name = line.rstrip("\n").partition(":")
    # em++ writes names demangled, with characters outside [A-Za-z0-9_:<>*&] as \\xx hex escapes
    names[int(index)] = re.sub(r"\\([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), name)

dump = subprocess.run(["wasm-objdump", "-x", wasm], capture_output=True, text=True, check=True).stdout
sizes = {int(i): int(n) for i, n in re.findall(r"^ - func\[(\d+)\] size=(\d+)", dump, re.M)}
sections = {k: int(v, 16) for k, v in re.findall(r"^\s*(\w+) start=\S+ end=\S+ \(size=(0x[0-9a-f]+)\)",
                                                    subprocess.run(["wasm-objdump", "-h", wasm], capture_output=True,
                                                                   text=True, check=True).stdout, re.M)}

# The first rule that matches a demangled name says which part of the program it belongs to.
parts = [
    ("json (nlohmann)", r"nlohmann::"),
    ("ui (src/ui)", r"^ui::"),
    ("core and web (src/core, src/web)", r"\bamp::|^amp_|^main$"),
    ("Dear ImGui", r"\bImGui|^Im[A-Z]|\bIm[A-Z]\w+::|stb|^ImGui_Impl|Stbtt|STB_|\(Im[A-Z]|^[A-Z]\w+\("),
    ("C++ runtime (std::)", r"std::|__cxa|operator new|operator delete|__cxx"),
    # src/web's own functions sit in the global or an anonymous namespace (frame(), build_fonts(float), ...);
    # libc's names are C, without a parameter list. A few tiny C++-named libc and stb helpers land here too.
    ("core and web (src/core, src/web)", r"^[a-z_]\w*\(|^\(anonymous namespace\)::|^main::"),
    ("libc, malloc and glue", r"."),
]


def part_of(name):
    return next(label for label, rule in parts if re.search(rule, name))


by_part = {}
for index, size in sizes.items():
    label = part_of(names.get(index, "?"))
    by_part[label] = by_part.get(label, 0) + size

total = sum(sections.values())
print(f"wasm {total} bytes: code {sections.get('Code', 0)}, data {sections.get('Data', 0)}, "
      f"other sections {total - sections.get('Code', 0) - sections.get('Data', 0)}")
print("code by part (function bodies, bytes):")
for label, size in sorted(by_part.items(), key=lambda kv: -kv[1]):
    print(f"  {size:8d}  {label}")
print(f"largest {top} functions:")
for index, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:top]:
    print(f"  {size:8d}  {names.get(index, '?')[:110]}")
