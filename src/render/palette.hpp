// Colours of what the briefing map shows: event kinds (markers) and cargo (flows). Chosen to read on
// both themes' land and ocean, and to keep troops/munitions/missiles (warm) apart from
// technology/aid/people (cool).
#pragma once
#include "model/briefing.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

Rgba kindColor(model::EventKind kind);
Rgba cargoColor(model::Cargo cargo);

}  // namespace briefmap::render
