// One panel per file; each is a free function over UiState and const views of the data.
#pragma once
#include "model/briefing.hpp"
#include "render/scene_geometry.hpp"
#include "ui/ui_state.hpp"

namespace briefmap::ui {

void drawMapControlsPanel(UiState& state);
void drawTimelinePanel(UiState& state, const model::Briefing& briefing);
void drawFiltersPanel(UiState& state, const model::Briefing& briefing);
void drawDetailsPanel(UiState& state, const model::Briefing& briefing, const render::SceneGeometry& scene);
void drawArticlePanel(UiState& state, const model::Briefing& briefing);
// A short tooltip for what the mouse is over on the map.
void drawMapTooltip(const UiState& state, const model::Briefing& briefing, const render::SceneGeometry& scene);

// Records the current ImGui window's rectangle as an obstacle for map labels.
void recordPanelRect(UiState& state);

}  // namespace briefmap::ui
