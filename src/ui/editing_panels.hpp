// The authoring panels: they change the briefing only through the document's edits (undoable).
#pragma once
#include "geo/geocoder.hpp"
#include "model/briefing_document.hpp"
#include "render/annotation_layer.hpp"
#include "render/scene_geometry.hpp"
#include "ui/ui_state.hpp"

namespace briefmap::ui {

// The geocoder's ranked candidates for a place search (best first), labelled for a list.
std::vector<PlaceCandidate> candidatesFor(const geo::Geocoder& geocoder, const std::string& query, const std::string& countryHint);
// A ring and a label where a candidate is, drawn over the map (behind the panels): the preview.
void previewOnMap(const UiState& state, const PlaceCandidate& candidate);

// Opens the event editor on events[event].
void openEventEditor(UiState& state, const model::Briefing& briefing, uint32_t event);
void drawEventEditor(UiState& state, model::BriefingDocument& doc, const geo::Geocoder& geocoder);
// Draft events, weakest first: select (fly there, open the article at the sentence), accept,
// reject, edit; accept all above a confidence. Also carries out the review keys (A, R, N, P, E).
void drawReviewPanel(UiState& state, model::BriefingDocument& doc);
// Fixing a place's location for every event naming it: the geocoder's ranked candidates for a
// search, or a click on the map; saved in the briefing's `places` with a `why`.
void drawPlaceFixer(UiState& state, model::BriefingDocument& doc, const geo::Geocoder& geocoder);
// Saved views (stored in the briefing): Go, rename, reorder, delete, "Save current view"; keys 1–9.
void drawViewsPanel(UiState& state, model::BriefingDocument& doc);
// Annotations: the Measure, Range ring, Arrow and Label tools and the list of the briefing's
// annotations (text, radius, colour, delete); adds what a tool placed on the map.
void drawAnnotationsPanel(UiState& state, model::BriefingDocument& doc);
// The map's mouse while an annotation tool is on: true when the tool took it (no pan, no select).
bool handleAnnotationInput(UiState& state, double pixelRatio, const model::Briefing& briefing, const render::SceneGeometry* scene);
// The ruler or arrow being drawn, or the last measurement: drawn with the annotations.
std::optional<render::AnnotationShape> annotationPreview(const UiState& state);
// Ctrl+F: places, events and article text; choosing a hit flies there and selects it.
void drawSearchPanel(UiState& state, const model::BriefingDocument& doc, const render::SceneGeometry* scene);
// Add articles: paths (one per line), a publication date for those without one, Draft; the
// drafting's progress and each file's problem.
void drawAddArticlesDialog(UiState& state);
// Unsaved changes on quit, and a recovery file from an earlier session. Returns true when the
// window may close now (the quit prompt was answered Save or Don't save).
bool drawDocumentPrompts(UiState& state, model::BriefingDocument& doc);

}  // namespace briefmap::ui
