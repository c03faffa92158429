// The map panel: theme, projection, layers, screenshot.
#include <imgui.h>

#include <cstdio>
#include <filesystem>

#include "ui/panels.hpp"

namespace briefmap::ui {

void drawMapControlsPanel(UiState& state) {
    ImGui::SetNextWindowPos(ImVec2(12, state.panelRowY(0)), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Map", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        recordPanelRect(state);
        ImGui::End();
        return;
    }
    int theme = state.style.theme == render::ThemeName::Light ? 1 : 0;
    ImGui::TextUnformatted("Theme");
    ImGui::SameLine();
    bool changed = ImGui::RadioButton("Dark", &theme, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton("Light", &theme, 1);
    if (changed) state.style.theme = theme ? render::ThemeName::Light : render::ThemeName::Dark;

    int projection = state.view.projection() == Projection::Equirect ? 1 : 0;
    ImGui::TextUnformatted("Projection");
    ImGui::SameLine();
    changed = ImGui::RadioButton("Mercator", &projection, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton("Equirect", &projection, 1);
    if (changed) state.view = state.view.withProjection(projection ? Projection::Equirect : Projection::Mercator);

    render::MapLayers& layers = state.style.layers;
    ImGui::Checkbox("Places", &layers.places);
    ImGui::SameLine();
    ImGui::Checkbox("Flows", &layers.flows);
    ImGui::SameLine();
    ImGui::Checkbox("Legend", &layers.legend);
    if (layers.legend) {
        // Any corner, folded to its header when it is in the way (L, or a click on it).
        static const char* const kCorners[] = {"bottom left", "bottom right", "top left", "top right", "clear of places"};
        int corner = static_cast<int>(state.style.legendCorner);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120);
        if (ImGui::Combo("##legendCorner", &corner, kCorners, 5)) state.style.legendCorner = static_cast<render::LegendCorner>(corner);
        ImGui::SameLine();
        ImGui::Checkbox("folded (L)", &state.style.legendCollapsed);
    }
    ImGui::Checkbox("Labels", &layers.labels);
    ImGui::SameLine();
    if (ImGui::Checkbox("Native names", &state.nativeNames)) state.nativeNamesChanged = true;
    ImGui::SameLine();
    ImGui::Checkbox("Size by quantity", &state.style.sizeByQuantity);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Markers and clusters sized by the reported quantity so far (troops, shells, dollars), not by the number of events");
    ImGui::Checkbox("Graticule", &state.style.graticule);
    ImGui::SameLine();
    ImGui::Checkbox("Admin-1", &state.style.admin1);
    ImGui::SameLine();
    ImGui::Checkbox("Cluster markers", &state.style.clusterMarkers);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Markers that would overlap merge into one with their count; click one to zoom in");
    ImGui::Checkbox("Country labels", &state.style.countryLabels);
    ImGui::SameLine();
    ImGui::Checkbox("Region labels", &state.style.regionLabels);
    ImGui::SameLine();
    ImGui::Checkbox("Towns", &state.style.towns);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Towns and villages from the gazetteer as reference, when zoomed in");
    ImGui::SameLine();
    ImGui::Checkbox("Water", &state.style.water);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Rivers and lakes, when zoomed in");
    ImGui::Checkbox("Places the articles name (rings)", &layers.mentions);
    ImGui::Checkbox("Annotations (range rings, rulers, labels, arrows)", &layers.annotations);

    // The places other reporting names, as rings (not drafted: Add articles drafts events).
    ImGui::SetNextItemWidth(200);
    const bool entered = ImGui::InputTextWithHint("##articles", "article.txt or folder", state.articlePathInput,
                                                  sizeof state.articlePathInput, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(state.addingArticles ? "Reading..." : "Show places named") || entered) && state.articlePathInput[0]) {
        state.articlesToAdd.emplace_back(state.articlePathInput);
        state.articlePathInput[0] = '\0';
    }

    if (ImGui::Button("Add articles… (Ctrl+O)")) state.editing.add.open = true;
    ImGui::SameLine();
    ImGui::TextDisabled("drafts events to review");
    ImGui::Separator();
    if (ImGui::Button("Screenshot (F12)")) state.screenshotRequested = true;
    ImGui::SameLine();
    ImGui::Checkbox("World file", &state.screenshotWorldFile);
    const char* sizes[] = {"window size", "1920x1080", "3840x2160", "7680x4320"};
    ImGui::SetNextItemWidth(140);
    ImGui::Combo("size", &state.screenshotSize, sizes, 4);
    // Where screenshots go: an existing folder (F12 and the button write a timestamped PNG there).
    ImGui::SetNextItemWidth(260);
    if (ImGui::InputText("folder", state.screenshotDirInput, sizeof state.screenshotDirInput, ImGuiInputTextFlags_EnterReturnsTrue) ||
        ImGui::IsItemDeactivatedAfterEdit()) {
        std::error_code ec;
        if (std::filesystem::is_directory(state.screenshotDirInput, ec)) {
            state.screenshotDir = state.screenshotDirInput;
            state.lastMessage = "screenshots go to " + std::filesystem::absolute(state.screenshotDir, ec).string();
        } else {
            state.lastMessage = std::string("no such folder: ") + state.screenshotDirInput + "; screenshots still go to " + state.screenshotDir;
            std::snprintf(state.screenshotDirInput, sizeof state.screenshotDirInput, "%s", state.screenshotDir.c_str());
        }
    }
    if (!state.lastMessage.empty()) ImGui::TextWrapped("%s", state.lastMessage.c_str());

    const LonLat c = state.view.screenToLonLat(state.view.width() / 2.0, state.view.height() / 2.0);
    ImGui::TextDisabled("centre %.2f, %.2f   %.1f ms/frame", c.lat, c.lon, state.frameMs);
    ImGui::TextDisabled("drag: pan   wheel: zoom   click: details");
    ImGui::TextDisabled("space: play   arrows: step/speed   L: legend   F11   H   Ctrl+Q");
    recordPanelRect(state);
    ImGui::End();
}

}  // namespace briefmap::ui
