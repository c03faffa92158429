// The panels follow the map's theme: ImGui's dark or light style, and the few colours the panels
// draw themselves (dates, notes, errors, the time bar) chosen to read on that style's background.
#pragma once
#include <imgui.h>

#include "render/theme.hpp"

namespace briefmap::ui {

struct PanelColors {
    ImVec4 date;        // an event's date in the details
    ImVec4 dimmed;      // what has not happened yet at the slider's moment
    ImVec4 draft;       // "draft"
    ImVec4 quote;       // a quoted source sentence
    ImVec4 mention;     // places the articles name
    ImVec4 selection;   // a selected span of an article
    ImVec4 good, error;
    ImU32 barBackground, barHistogram, barGrid, barLabel, barCursor;
};

const PanelColors& panelColors(render::ThemeName theme);

// Switches ImGui's style when the theme changed since the last call (once per frame is cheap).
void applyPanelTheme(render::ThemeName theme);

}  // namespace briefmap::ui
