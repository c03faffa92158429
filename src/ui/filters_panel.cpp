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
    ImGui::SetNextWindowPos(ImVec2(12, 136), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(290, 0), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Filters", nullptr, ImGuiWindowFlags_NoFocusOnAppearing)) {
        recordPanelRect(state);
        ImGui::End();
        return;
    }
    bool changed = false;
    if (ImGui::CollapsingHeader("Kind of event", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (size_t k = 0; k < static_cast<size_t>(model::EventKind::Count); ++k) {
            const auto kind = static_cast<model::EventKind>(k);
            bool on = state.filter.kinds.test(k);
            ImGui::ColorButton(("##kind" + std::to_string(k)).c_str(), toImVec4(render::kindColor(kind)),
                               ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
            ImGui::SameLine();
            if (ImGui::Checkbox(std::string(model::eventKindLabel(kind)).c_str(), &on)) {
                state.filter.kinds.set(k, on);
                changed = true;
            }
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
        static const model::Briefing* cachedFor = nullptr;
        static std::vector<std::string> all;
        if (cachedFor != &b) {
            all = model::attributionsOf(b);
            cachedFor = &b;
        }
        if (all.empty()) ImGui::TextDisabled("no attributed claims");
        for (const std::string& a : all) changed |= setCheckbox(a.c_str(), state.filter.attributions, all, a);
    }
    if (ImGui::CollapsingHeader("Reported in")) {
        for (uint32_t i = 0; i < b.articles.size(); ++i) {
            const model::Article& a = b.articles[i];
            bool on = state.filter.articles.empty() || state.filter.articles.count(i) > 0;
            const std::string label = a.published.text() + "  " + a.title + "##article" + std::to_string(i);
            if (ImGui::Checkbox(label.c_str(), &on)) {
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
