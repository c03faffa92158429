// Colours of what the briefing map shows: event kinds (markers) and cargo (flows), one palette per
// theme. Each reads on its theme's land and ocean (contrast at least 3:1 on the light theme's paper
// and sea), and the six cargo colours stay apart under protanopia, deuteranopia and tritanopia
// (tests/render/palette.test.cpp measures both). The six kinds that move a cargo share its colour.
#pragma once
#include "model/briefing.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

Rgba kindColor(model::EventKind kind, ThemeName theme);
Rgba cargoColor(model::Cargo cargo, ThemeName theme);

}  // namespace briefmap::render
