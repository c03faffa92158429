// Time and camera behaviour shared by the keys and the panels (no ImGui here): playback, stepping to
// the previous/next event with the camera flying to frame it, jumping to a date.
#pragma once
#include "model/briefing.hpp"
#include "render/scene_geometry.hpp"
#include "ui/ui_state.hpp"

namespace briefmap::ui {

// Advances playback and the camera flight by dt seconds; true while something animates.
bool advanceTime(UiState& state, double dt);
// Moves to the previous/next event start (noon of that day, where it has faded in), selects the
// events starting then and flies the camera to frame their places.
void stepToEvent(UiState& state, const model::Briefing& briefing, bool forward);
void jumpToDay(UiState& state, double day);
void changeSpeed(UiState& state, int delta);  // never moves the time position
// Starts a smooth camera move that frames `bounds` (with a margin; never closer than a country) in
// the largest part of the map the panels, legend, title and time bar leave clear.
void flyTo(UiState& state, const GeoBounds& bounds);
// That part, from the last frame's obstacles (core/clear_area).
PixelRect clearArea(const UiState& state);
// A smooth camera move to `target` (the short way round the world).
void flyToView(UiState& state, const MapView& target);
// Shows step `i` of the loaded tour: its moment, its caption on the map, the camera flying to its
// view (Page Down/Up in presenter mode).
void goToTourStep(UiState& state, size_t i);
// Shows a saved view (model::Briefing::views): its moment (the end of its span), filters, layers
// and theme, the camera flying to its view as a tour step would frame it; no caption.
void showSavedView(UiState& state, const model::TourStep& view);
// The current view as a saved view named `name`: moment, box, layers, theme, kind/status filters.
model::TourStep currentView(const UiState& state, const std::string& name);
// Leaves the tour: no caption.
void leaveTour(UiState& state);
// Bounds of an event's places and flow.
GeoBounds eventBounds(const model::Briefing& briefing, const model::Event& event);

}  // namespace briefmap::ui
