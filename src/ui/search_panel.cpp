// Ctrl+F: one field searching places, events and the articles' text (model/briefing_search); Enter
// or a click on a hit flies the map there and selects it (an article hit opens the article at the
// match).
#include <imgui.h>

#include <algorithm>

#include "ui/editing_panels.hpp"
#include "ui/panels.hpp"
#include "ui/presenter.hpp"

namespace briefmap::ui {

namespace {

void choose(UiState& state, const model::Briefing& b, const render::SceneGeometry* scene, const model::SearchHit& hit) {
    state.traceAction = "search_choose";
    state.traceExtra = ",\"kind\":" + std::string(hit.kind == model::SearchHit::Kind::Place ? "\"place\"" : hit.kind == model::SearchHit::Kind::Event ? "\"event\"" : "\"article\"") +
                       ",\"label\":" + nlohmann::json(hit.label).dump();
    leaveTour(state);
    if (hit.kind == model::SearchHit::Kind::Place) {
        const model::Place& p = b.places[hit.index];
        state.steppedEvents.clear();
        state.selection = {};
        if (scene)
            for (uint32_t s = 0; s < scene->sites().size(); ++s)
                if (std::find(scene->sites()[s].places.begin(), scene->sites()[s].places.end(), hit.index) != scene->sites()[s].places.end())
                    state.selection = {Selection::Kind::Site, s};
        flyTo(state, GeoBounds{p.lon - 1, p.lat - 1, p.lon + 1, p.lat + 1});
        return;
    }
    uint32_t event = hit.kind == model::SearchHit::Kind::Event ? hit.index : model::kNone;
    if (hit.kind == model::SearchHit::Kind::Article) {
        state.openArticle = static_cast<int>(hit.index);
        state.openMentionArticle = -1;
        state.highlightStart = hit.start;
        state.highlightEnd = hit.end;
        state.scrollToHighlight = true;
        // The event the matched sentence supports, if any, is selected too.
        for (uint32_t e = 0; e < b.events.size() && event == model::kNone; ++e)
            for (const model::Source& s : b.events[e].sources)
                if (s.article == hit.index && s.start <= hit.start && hit.end <= s.end) event = e;
    }
    if (event == model::kNone) return;
    const model::Event& e = b.events[event];
    state.selection = {Selection::Kind::Event, event};
    state.steppedEvents = {event};
    if (!e.timeless) jumpToDay(state, e.startDay + 0.5);
    flyTo(state, eventBounds(b, e));
}

}  // namespace

void drawSearchPanel(UiState& state, const model::BriefingDocument& doc, const render::SceneGeometry* scene) {
    EditingUi& ed = state.editing;
    bool focus = false;
    if (ed.searchRequested) {
        ed.searchRequested = false;
        ed.searchOpen = focus = true;
    }
    if (!ed.searchOpen) return;
    const model::Briefing& b = doc.briefing();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f - 260, 40), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(520, std::min(460.0f, io.DisplaySize.y - 220)), ImGuiCond_FirstUseEver);
    if (focus) ImGui::SetNextWindowFocus();
    if (!ImGui::Begin("Search", &ed.searchOpen)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (focus) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputTextWithHint("##query", "place, event or words in the articles", ed.searchQuery,
                                                sizeof ed.searchQuery, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ed.hitsQuery != ed.searchQuery || ed.hitsRevision != doc.revision()) {
        ed.hits = model::searchBriefing(b, ed.searchQuery);
        ed.hitsQuery = ed.searchQuery;
        ed.hitsRevision = doc.revision();
    }
    if (enter && !ed.hits.empty()) choose(state, b, scene, ed.hits.front());
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ed.searchOpen = false;  // Esc closes the search (and gives the keys back to the map)
    ImGui::BeginChild("hits");
    const char* headers[] = {"Places", "Events", "In the articles"};
    int shown = -1;
    for (size_t i = 0; i < ed.hits.size(); ++i) {
        const model::SearchHit& h = ed.hits[i];
        const int kind = static_cast<int>(h.kind);
        if (kind != shown) {
            ImGui::TextDisabled("%s", headers[kind]);
            shown = kind;
        }
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushTextWrapPos(0);
        if (ImGui::Selectable(h.label.c_str())) choose(state, b, scene, h);
        if (!h.context.empty()) ImGui::TextDisabled("%s", h.context.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    if (ed.hits.empty() && ed.searchQuery[0]) ImGui::TextDisabled("nothing found");
    ImGui::EndChild();
    recordPanelRect(state);
    ImGui::End();
}

}  // namespace briefmap::ui
