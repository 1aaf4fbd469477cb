// The UI fonts at a device-pixel ratio: body, heading and title sizes from one embedded TTF.
#pragma once

void build_fonts(float dpr);
