// Filters: which kinds of event, how established, who claims it, which article reports it. Each
// change rebuilds the map's markers and flows once (not per frame).
#include <imgui.h>

#include "render/palette.hpp"
#include "ui/panels.hpp"

namespace briefmap::ui {

namespace {

ImVec4 toImVec4(render::Rgba c) { return ImVec4(c.r, c.g, c.b, c.a); }

// A checkbox per member of a set where "empty" means all: unticking one of "all" keeps the others.
bool setCheckbox(const char* label, std::set<std::string>& chosen, const std::vector<std::string>& all, const std::string& item) {
    bool on = chosen.empty() || chosen.count(item) > 0;
    if (!ImGui::Checkbox(label, &on)) return false;
    if (chosen.empty()) chosen.insert(all.begin(), all.end());
    if (on) chosen.insert(item);
    else chosen.erase(item);
    if (chosen.size() == all.size()) chosen.clear();
    return true;
}

}  // namespace

void drawFiltersPanel(UiState& state, const model::Briefing& b) {
    ImGui::SetNextWindowPos(ImVec2(12, state.panelRowY(1)), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(290, 0), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Filters", nullptr, ImGuiWindowFlags_NoFocusOnAppearing)) {
        recordPanelRect(state);
        ImGui::End();
        return;
    }
    // Labels are built once per briefing, not every frame.
    static const model::Briefing* labelsFor = nullptr;
    static std::vector<std::string> kindLabels, articleLabels, attributions;
    if (labelsFor != &b) {
        kindLabels.clear();
        for (size_t k = 0; k < static_cast<size_t>(model::EventKind::Count); ++k)
            kindLabels.emplace_back(model::eventKindLabel(static_cast<model::EventKind>(k)));
        articleLabels.clear();
        for (const model::Article& a : b.articles) articleLabels.push_back(a.published.text() + "  " + a.title);
        attributions = model::attributionsOf(b);
        labelsFor = &b;
    }
    bool changed = false;
    if (ImGui::CollapsingHeader("Kind of event", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (size_t k = 0; k < static_cast<size_t>(model::EventKind::Count); ++k) {
            const auto kind = static_cast<model::EventKind>(k);
            bool on = state.filter.kinds.test(k);
            ImGui::PushID(static_cast<int>(k));
            ImGui::ColorButton("##kind", toImVec4(render::kindColor(kind, state.style.theme)), ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
            ImGui::SameLine();
            if (ImGui::Checkbox(kindLabels[k].c_str(), &on)) {
                state.filter.kinds.set(k, on);
                changed = true;
            }
            ImGui::PopID();
        }
    }
    if (ImGui::CollapsingHeader("How established", ImGuiTreeNodeFlags_DefaultOpen)) {
        const char* names[] = {"Confirmed", "Claimed", "Claimed and denied"};
        for (size_t k = 0; k < static_cast<size_t>(model::ClaimStatus::Count); ++k) {
            bool on = state.filter.statuses.test(k);
            if (ImGui::Checkbox(names[k], &on)) {
                state.filter.statuses.set(k, on);
                changed = true;
            }
        }
    }
    if (ImGui::CollapsingHeader("Attributed to")) {
        if (attributions.empty()) ImGui::TextDisabled("no attributed claims");
        for (const std::string& a : attributions) changed |= setCheckbox(a.c_str(), state.filter.attributions, attributions, a);
    }
    if (ImGui::CollapsingHeader("Reported in")) {
        for (uint32_t i = 0; i < b.articles.size(); ++i) {
            bool on = state.filter.articles.empty() || state.filter.articles.count(i) > 0;
            ImGui::PushID(static_cast<int>(i));
            const bool clicked = ImGui::Checkbox(articleLabels[i].c_str(), &on);
            ImGui::PopID();
            if (clicked) {
                if (state.filter.articles.empty())
                    for (uint32_t k = 0; k < b.articles.size(); ++k) state.filter.articles.insert(k);
                if (on) state.filter.articles.insert(i);
                else state.filter.articles.erase(i);
                if (state.filter.articles.size() == b.articles.size()) state.filter.articles.clear();
                changed = true;
            }
        }
    }
    if (ImGui::Button("Show everything")) {
        state.filter = {};
        changed = true;
    }
    if (changed) {
        state.filterChanged = true;
        ++state.filterVersion;
    }
    recordPanelRect(state);
    ImGui::End();
}

}  // namespace briefmap::ui
