// The UI fonts at a device-pixel ratio: body (regular), strong, heading and title (semibold), from
// one embedded TTF.
#pragma once

void build_fonts(float dpr);
void update_fonts(); // adds the glyphs that text brought since the last build (web/glyphs.h)
