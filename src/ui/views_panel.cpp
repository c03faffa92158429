// Saved views: a named moment, camera, layers, theme and filters kept in the briefing ("views"), so a
// presenter jumps to prepared frames with keys 1–9. Every change is one undoable edit.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "ui/editing_panels.hpp"
#include "ui/panels.hpp"
#include "ui/presenter.hpp"

namespace briefmap::ui {

void drawViewsPanel(UiState& state, model::BriefingDocument& doc) {
    EditingUi& ed = state.editing;
    const std::vector<model::TourStep>& views = doc.briefing().views;
    if (ed.viewKey > 0) {  // keys 1–9
        const size_t i = static_cast<size_t>(ed.viewKey - 1);
        ed.viewKey = 0;
        if (i < views.size()) {
            showSavedView(state, views[i]);
            state.traceAction = "view";
            state.traceExtra = ",\"view\":" + nlohmann::json(views[i].caption).dump();
        }
    }
    if (!state.showPanels) return;
    ImGui::SetNextWindowPos(ImVec2(12, state.panelRowY(3)), ImGuiCond_FirstUseEver);  // below the Tour header
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Views", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        recordPanelRect(state);
        ImGui::End();
        return;
    }
    std::optional<std::vector<model::TourStep>> changed;
    std::string label;
    for (size_t i = 0; i < views.size(); ++i) {
        const model::TourStep& v = views[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Button(i < 9 ? std::to_string(i + 1).c_str() : "Go")) {
            showSavedView(state, v);
            state.traceAction = "view";
            state.traceExtra = ",\"view\":" + nlohmann::json(v.caption).dump();
        }
        ImGui::SameLine();
        // Renamed when the field is left, not per keystroke (one undo step per rename): the row
        // being typed in keeps its own buffer until then.
        static std::vector<std::string> names;
        static int typing = -1;
        names.resize(views.size());
        if (typing != static_cast<int>(i)) names[i] = v.caption;
        ImGui::SetNextItemWidth(200);
        ImGui::InputText("##name", &names[i]);
        if (ImGui::IsItemActive()) typing = static_cast<int>(i);
        if (ImGui::IsItemDeactivated()) {
            typing = -1;
            if (!names[i].empty() && names[i] != v.caption) {
                changed = views;
                (*changed)[i].caption = names[i];
                label = "Rename view " + v.caption;
            }
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", model::formatMoment(v.to).substr(0, 10).c_str());
        ImGui::SameLine();
        if (ImGui::ArrowButton("up", ImGuiDir_Up) && i > 0) {
            changed = views;
            std::swap((*changed)[i], (*changed)[i - 1]);
            label = "Move view " + v.caption;
        }
        ImGui::SameLine();
        if (ImGui::ArrowButton("down", ImGuiDir_Down) && i + 1 < views.size()) {
            changed = views;
            std::swap((*changed)[i], (*changed)[i + 1]);
            label = "Move view " + v.caption;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("x")) {
            changed = views;
            changed->erase(changed->begin() + static_cast<long>(i));
            label = "Delete view " + v.caption;
        }
        ImGui::PopID();
    }
    if (views.empty()) ImGui::TextDisabled("No saved views yet.");
    ImGui::Separator();
    ImGui::SetNextItemWidth(200);
    const bool enter = ImGui::InputTextWithHint("##new", "name of this view", ed.viewName, sizeof ed.viewName,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Save current view") || enter) && ed.viewName[0]) {
        changed = views;
        changed->push_back(currentView(state, ed.viewName));
        label = std::string("Save view ") + ed.viewName;
        state.traceAction = "view_saved";
        state.traceExtra = ",\"view\":" + nlohmann::json(std::string(ed.viewName)).dump();
        ed.viewName[0] = '\0';
    }
    ImGui::TextDisabled("Keys 1–9 show views 1–9; saved with the briefing (Ctrl+S).");
    recordPanelRect(state);
    ImGui::End();
    if (changed) doc.apply(model::replaceViews(std::move(*changed), label));
}

}  // namespace briefmap::ui
