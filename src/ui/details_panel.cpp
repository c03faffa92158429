// Sourced details of what was clicked: every event at a place (or the flow's event), with its date,
// summary, quantity, who claims it and the quoted sentences with their article; clicking a quote
// opens the article with that sentence highlighted.
#include <imgui.h>

#include <cmath>

#include "model/timeline.hpp"
#include "render/palette.hpp"
#include "ui/panels.hpp"

namespace briefmap::ui {

namespace {

ImVec4 toImVec4(render::Rgba c) { return ImVec4(c.r, c.g, c.b, c.a); }

const char* statusText(model::ClaimStatus s) {
    switch (s) {
    case model::ClaimStatus::Confirmed: return "confirmed";
    case model::ClaimStatus::Claimed: return "claimed";
    case model::ClaimStatus::Disputed: return "claimed, and denied";
    default: return "";
    }
}

void drawEvent(UiState& state, const model::Briefing& b, uint32_t index) {
    const model::Event& e = b.events[index];
    const bool future = state.day < e.startDay;
    ImGui::PushID(static_cast<int>(index));
    ImGui::ColorButton("##kind", toImVec4(render::kindColor(e.kind)), ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
    ImGui::SameLine();
    ImGui::TextColored(future ? ImVec4(0.6f, 0.6f, 0.6f, 1) : ImVec4(1, 0.85f, 0.45f, 1), "%s", model::formatEventDate(e).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s%s", std::string(model::eventKindLabel(e.kind)).c_str(), future ? "  (later)" : "");
    ImGui::TextWrapped("%s", e.summary.c_str());
    if (e.flow)
        ImGui::TextDisabled("%s: %s → %s", std::string(model::cargoLabel(e.flow->cargo)).c_str(), b.places[e.flow->from].name.c_str(),
                            b.places[e.flow->to].name.c_str());
    if (e.quantity) {
        if (!e.quantity->text.empty()) ImGui::Text("Quantity: %s", e.quantity->text.c_str());
        else ImGui::Text("Quantity: %s%s%.0f %s", e.quantity->qualifier.c_str(), e.quantity->qualifier.empty() ? "" : " ",
                         e.quantity->value, e.quantity->unit.c_str());
    }
    std::string who;
    for (const std::string& a : e.attribution) who += (who.empty() ? "" : ", ") + a;
    if (!who.empty()) ImGui::Text("According to %s (%s)", who.c_str(), statusText(e.status));
    else ImGui::Text("%s", statusText(e.status));
    for (size_t s = 0; s < e.sources.size(); ++s) {
        const model::Source& src = e.sources[s];
        ImGui::PushID(static_cast<int>(s));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.78f, 0.86f, 1.0f, 1));
        ImGui::PushTextWrapPos(0);
        const std::string quote = "“" + src.quote + "”";
        ImGui::TextUnformatted(quote.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        if (src.article != model::kNone) {
            const model::Article& a = b.articles[src.article];
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the article at this sentence");
            if (ImGui::IsItemClicked()) {
                state.openArticle = static_cast<int>(src.article);
                state.highlightStart = src.start;
                state.highlightEnd = src.end;
                state.scrollToHighlight = true;
            }
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            ImGui::TextWrapped("— %s%s%s, %s", a.title.c_str(), a.outlet.empty() ? "" : ", ", a.outlet.c_str(),
                               a.published.text().c_str());
            ImGui::PopStyleColor();
        } else if (!src.citation.empty()) {
            ImGui::TextDisabled("— %s", src.citation.c_str());
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace

void drawDetailsPanel(UiState& state, const model::Briefing& b, const render::SceneGeometry& scene,
                      const model::ArticleMentions& mentions, const render::MentionGeometry* rings) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 380, 12), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(368, io.DisplaySize.y - 24), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.9f);
    // Shown while something is selected; closing it clears the selection.
    bool open = true;
    if (!ImGui::Begin("Details", &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                            ImGuiWindowFlags_NoFocusOnAppearing)) {
        ImGui::End();
        return;
    }
    const Selection& sel = state.selection;
    if (sel.kind == Selection::Kind::Site && sel.index < scene.sites().size()) {
        const render::SceneSite& site = scene.sites()[sel.index];
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", site.label.c_str());
        std::string also;
        for (uint32_t p : site.places)
            if (b.places[p].name != site.label) also += (also.empty() ? "" : ", ") + b.places[p].name;
        if (!also.empty()) ImGui::TextDisabled("also named: %s", also.c_str());
        const model::Place& place = b.places[site.places.front()];
        ImGui::TextDisabled("%.3f°, %.3f°  %s", place.lat, place.lon,
                            place.overridden ? ("(given: " + place.why + ")").c_str() : ("gazetteer: " + place.resolvedName).c_str());
        const size_t sofar = scene.countAt(site, state.day);
        ImGui::Text("%zu event%s so far, %zu in all", sofar, sofar == 1 ? "" : "s", site.events.size());
        ImGui::Separator();
        ImGui::BeginChild("events");
        for (uint32_t e : site.events) drawEvent(state, b, e);
        // What the loaded articles say of this spot (the names they give it within 25 km).
        if (rings)
            for (uint32_t m : rings->near(site.position, 25.0)) {
                const model::MentionedPlace& p = mentions.places[m];
                ImGui::TextColored(ImVec4(0.55f, 0.93f, 1.0f, 1), "Named in the articles: %s (%zu)", p.name.c_str(),
                                   p.occurrences.size());
                drawMentionSentences(state, mentions, m);
                ImGui::Separator();
            }
        ImGui::EndChild();
    } else if (sel.kind == Selection::Kind::Flow && sel.index < scene.flows().size()) {
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "Flow");
        ImGui::Separator();
        ImGui::BeginChild("events");
        drawEvent(state, b, scene.flows()[sel.index].event);
        ImGui::EndChild();
    } else if (sel.kind == Selection::Kind::Mention && sel.index < mentions.places.size()) {
        const model::MentionedPlace& p = mentions.places[sel.index];
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", p.name.c_str());
        ImGui::TextDisabled("%s · %.3f°, %.3f° (gazetteer)", p.kind.c_str(), p.position.lat, p.position.lon);
        ImGui::Text("Named %zu time%s in %u of %zu articles", p.occurrences.size(), p.occurrences.size() == 1 ? "" : "s",
                    p.articleCount, mentions.articles.size());
        ImGui::Separator();
        ImGui::BeginChild("mentions");
        drawMentionSentences(state, mentions, sel.index);
        ImGui::EndChild();
    } else if (sel.kind == Selection::Kind::Event && sel.index < b.events.size()) {
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", model::formatLongDate(static_cast<model::DayNumber>(std::floor(state.day))).c_str());
        ImGui::Separator();
        ImGui::BeginChild("events");
        if (!state.steppedEvents.empty())
            for (uint32_t e : state.steppedEvents) drawEvent(state, b, e);
        else
            drawEvent(state, b, sel.index);
        ImGui::EndChild();
    } else {
        ImGui::TextWrapped("%s", b.title.c_str());
        if (!b.description.empty()) ImGui::TextWrapped("%s", b.description.c_str());
        size_t flows = 0;
        for (const model::Event& e : b.events) flows += e.flow.has_value();
        ImGui::TextDisabled("%zu events (%zu flows), %zu places, %zu articles", b.events.size(), flows, b.places.size(),
                            b.articles.size());
        ImGui::Separator();
        ImGui::TextWrapped("Click a place or a flow on the map for its sourced details. Space plays, ←/→ step from "
                           "event to event, ↑/↓ change speed, Home/End jump, F11 fullscreen, H hides the panels.");
        ImGui::Separator();
        ImGui::TextUnformatted("Articles");
        for (uint32_t i = 0; i < b.articles.size(); ++i) {
            const model::Article& a = b.articles[i];
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable((a.published.text() + "  " + a.title).c_str())) {
                state.openArticle = static_cast<int>(i);
                state.highlightStart = state.highlightEnd = 0;
                state.scrollToHighlight = false;
            }
            ImGui::PopID();
        }
    }
    recordPanelRect(state);
    ImGui::End();
    if (!open) {
        state.selection = {};
        state.steppedEvents.clear();
    }
}

void drawMapTooltip(const UiState& state, const model::Briefing& b, const render::SceneGeometry& scene,
                    const model::ArticleMentions& mentions) {
    if (state.hoveredSite && *state.hoveredSite < scene.sites().size()) {
        const render::SceneSite& site = scene.sites()[*state.hoveredSite];
        const size_t count = scene.countAt(site, state.day);
        ImGui::BeginTooltip();
        ImGui::Text("%s — %zu event%s so far", site.label.c_str(), count, count == 1 ? "" : "s");
        if (count > 0) ImGui::TextDisabled("latest: %s", b.events[site.events[count - 1]].summary.c_str());
        ImGui::EndTooltip();
    } else if (state.hoveredFlow && *state.hoveredFlow < scene.flows().size()) {
        const model::Event& e = b.events[scene.flows()[*state.hoveredFlow].event];
        ImGui::BeginTooltip();
        ImGui::Text("%s: %s → %s", std::string(model::cargoLabel(e.flow->cargo)).c_str(), b.places[e.flow->from].name.c_str(),
                    b.places[e.flow->to].name.c_str());
        ImGui::TextDisabled("%s%s%s", model::formatEventDate(e).c_str(), e.quantity ? " · " : "",
                            e.quantity ? e.quantity->text.c_str() : "");
        ImGui::EndTooltip();
    } else if (state.hoveredMention && *state.hoveredMention < mentions.places.size()) {
        const model::MentionedPlace& p = mentions.places[*state.hoveredMention];
        ImGui::BeginTooltip();
        ImGui::Text("%s — named %zu time%s in %u article%s", p.name.c_str(), p.occurrences.size(),
                    p.occurrences.size() == 1 ? "" : "s", p.articleCount, p.articleCount == 1 ? "" : "s");
        ImGui::TextDisabled("click for the sentences");
        ImGui::EndTooltip();
    }
}

}  // namespace briefmap::ui
