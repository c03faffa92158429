#include "ui/panel_theme.hpp"

#include <optional>

namespace briefmap::ui {

namespace {

const PanelColors kDark{
    .date = ImVec4(1.0f, 0.85f, 0.45f, 1), .dimmed = ImVec4(0.6f, 0.6f, 0.6f, 1), .draft = ImVec4(1.0f, 0.55f, 0.85f, 1),
    .quote = ImVec4(0.78f, 0.86f, 1.0f, 1), .mention = ImVec4(0.55f, 0.93f, 1.0f, 1), .selection = ImVec4(0.55f, 0.8f, 1.0f, 1),
    .good = ImVec4(0.6f, 0.85f, 0.6f, 1), .error = ImVec4(1.0f, 0.5f, 0.42f, 1),
    .barBackground = IM_COL32(20, 28, 40, 255), .barHistogram = IM_COL32(90, 120, 160, 150), .barGrid = IM_COL32(255, 255, 255, 40),
    .barLabel = IM_COL32(200, 210, 225, 200), .barCursor = IM_COL32(255, 214, 102, 255)};

// Darker inks of the same hues: at least 4.5:1 on ImGui's light window background.
const PanelColors kLight{
    .date = ImVec4(0.55f, 0.36f, 0.0f, 1), .dimmed = ImVec4(0.45f, 0.45f, 0.45f, 1), .draft = ImVec4(0.66f, 0.07f, 0.48f, 1),
    .quote = ImVec4(0.10f, 0.22f, 0.45f, 1), .mention = ImVec4(0.0f, 0.40f, 0.48f, 1), .selection = ImVec4(0.05f, 0.33f, 0.62f, 1),
    .good = ImVec4(0.10f, 0.45f, 0.12f, 1), .error = ImVec4(0.72f, 0.12f, 0.06f, 1),
    .barBackground = IM_COL32(232, 236, 242, 255), .barHistogram = IM_COL32(70, 100, 150, 150), .barGrid = IM_COL32(0, 0, 0, 45),
    .barLabel = IM_COL32(60, 66, 78, 220), .barCursor = IM_COL32(190, 120, 0, 255)};

std::optional<render::ThemeName> g_applied;

}  // namespace

const PanelColors& panelColors(render::ThemeName theme) { return theme == render::ThemeName::Light ? kLight : kDark; }

void applyPanelTheme(render::ThemeName theme) {
    if (g_applied == theme) return;
    g_applied = theme;
    if (theme == render::ThemeName::Light) ImGui::StyleColorsLight();
    else ImGui::StyleColorsDark();
}

}  // namespace briefmap::ui
