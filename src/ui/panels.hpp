// One panel per file; each is a free function over UiState and const views of the data.
#pragma once
#include "model/article_mentions.hpp"
#include "model/briefing.hpp"
#include "model/briefing_document.hpp"
#include "render/mention_geometry.hpp"
#include "render/scene_geometry.hpp"
#include "ui/ui_state.hpp"

namespace briefmap::ui {

void drawMapControlsPanel(UiState& state);
// The tour's steps (go, caption, reorder, add from the current view, save) and Export video.
void drawTourPanel(UiState& state);
// Opens the import dialog on a data file (reads its first rows).
void openImportDialog(UiState& state, const std::string& path);
void drawImportDialog(UiState& state);
void drawTimelinePanel(UiState& state, const model::Briefing& briefing);
void drawFiltersPanel(UiState& state, const model::Briefing& briefing);
void drawDetailsPanel(UiState& state, const model::Briefing& briefing, const render::SceneGeometry& scene,
                      const model::ArticleMentions& mentions, const render::MentionGeometry* rings);
// With a document and geocoder, sentences of a briefing article can be picked for a new event or a
// source (ui/editing_panels).
void drawArticlePanel(UiState& state, const model::Briefing& briefing, const model::ArticleMentions& mentions,
                      model::BriefingDocument* doc = nullptr, const geo::Geocoder* geocoder = nullptr);
// Every sentence of the loaded articles naming mentions.places[place], grouped by article.
void drawMentionSentences(UiState& state, const model::ArticleMentions& mentions, uint32_t place);
// A short tooltip for what the mouse is over on the map.
void drawMapTooltip(const UiState& state, const model::Briefing& briefing, const render::SceneGeometry& scene,
                    const model::ArticleMentions& mentions);

// Records the current ImGui window's rectangle as an obstacle for map labels.
void recordPanelRect(UiState& state);

}  // namespace briefmap::ui
