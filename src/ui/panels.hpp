// One panel per file; each is a free function over UiState.
#pragma once
#include "ui/ui_state.hpp"

namespace briefmap::ui {

void drawMapControlsPanel(UiState& state);

}  // namespace briefmap::ui
