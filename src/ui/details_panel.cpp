// Sourced details of what was clicked: every event at a place (or the flow's event), with its date,
// summary, quantity, who claims it and the quoted sentences with their article; clicking a quote
// opens the article with that sentence highlighted.
#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

#include "model/timeline.hpp"
#include "render/palette.hpp"
#include "ui/panels.hpp"
#include "ui/panel_theme.hpp"

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

// An event's lines, formatted when the selection changes rather than every frame (ImGui redraws
// the panel 60 times a second while time plays).
struct EventText {
    uint32_t event = 0;
    std::string date, who;
    std::vector<std::pair<std::string, std::string>> attributes;  // imported data's other columns
    std::vector<std::string> quotes, sources;  // per source: "“…”", "— title, outlet, date"
};

EventText eventText(const model::Briefing& b, uint32_t index) {
    const model::Event& e = b.events[index];
    EventText t;
    t.event = index;
    t.date = model::formatEventDate(e);
    for (const std::string& a : e.attribution) t.who += (t.who.empty() ? "" : ", ") + a;
    if (e.attributeRow != model::kNone)
        for (size_t c = 0; c < b.attributes.columns.size(); ++c)
            if (std::string_view v = b.attributes.value(e.attributeRow, c); !v.empty())
                t.attributes.emplace_back(b.attributes.columns[c], std::string(v));
    for (const model::Source& src : e.sources) {
        t.quotes.push_back("“" + src.quote + "”");
        if (src.article != model::kNone) {
            const model::Article& a = b.articles[src.article];
            t.sources.push_back("— " + a.title + (a.outlet.empty() ? "" : ", ") + a.outlet + ", " + a.published.text());
        } else {
            t.sources.push_back(src.citation.empty() ? "" : "— " + src.citation);
        }
    }
    return t;
}

// Everything the panel shows for one selection, rebuilt when the selection, the stepped events or
// the loaded articles change.
struct DetailsText {
    Selection selection;
    uint64_t version = 0;  // UiState::filterVersion: bumped by filters and by edits
    std::vector<uint32_t> stepped;
    const model::ArticleMentions* mentions = nullptr;
    size_t mentionPlaces = 0, mentionArticles = 0;
    std::string also, placeLine;
    std::vector<EventText> events;
    std::vector<uint32_t> nearRings;  // the loaded articles' places at a selected site
    std::vector<std::string> articles;
};

const DetailsText& detailsText(const UiState& state, const model::Briefing& b, const render::SceneGeometry& scene,
                               const model::ArticleMentions& mentions, const render::MentionGeometry* rings) {
    static DetailsText cached;
    static bool valid = false;
    if (valid && cached.selection == state.selection && cached.stepped == state.steppedEvents && cached.mentions == &mentions &&
        cached.version == state.filterVersion &&
        cached.mentionPlaces == mentions.places.size() && cached.mentionArticles == mentions.articles.size())
        return cached;
    DetailsText t;
    t.version = state.filterVersion;
    t.selection = state.selection;
    t.stepped = state.steppedEvents;
    t.mentions = &mentions;
    t.mentionPlaces = mentions.places.size();
    t.mentionArticles = mentions.articles.size();
    const Selection& sel = state.selection;
    if (sel.kind == Selection::Kind::Site && sel.index < scene.sites().size()) {
        const render::SceneSite& site = scene.sites()[sel.index];
        for (uint32_t p : site.places)
            if (b.places[p].name != site.label) t.also += (t.also.empty() ? "" : ", ") + b.places[p].name;
        const model::Place& place = b.places[site.places.front()];
        t.placeLine = place.overridden ? "(given: " + place.why + ")" : "gazetteer: " + place.resolvedName;
        for (uint32_t e : site.events) t.events.push_back(eventText(b, e));
        if (rings) t.nearRings = rings->near(site.position, 25.0);
    } else if (sel.kind == Selection::Kind::Flow && sel.index < scene.flows().size()) {
        t.events.push_back(eventText(b, scene.flows()[sel.index].event));
    } else if (sel.kind == Selection::Kind::Event && sel.index < b.events.size()) {
        if (!state.steppedEvents.empty())
            for (uint32_t e : state.steppedEvents) t.events.push_back(eventText(b, e));
        else
            t.events.push_back(eventText(b, sel.index));
    } else {
        for (const model::Article& a : b.articles) t.articles.push_back(a.published.text() + "  " + a.title);
    }
    cached = std::move(t);
    valid = true;
    return cached;
}

void drawEvent(UiState& state, const model::Briefing& b, const EventText& text) {
    const model::Event& e = b.events[text.event];
    const bool future = state.day < e.startDay;
    ImGui::PushID(static_cast<int>(text.event));
    ImGui::ColorButton("##kind", toImVec4(render::kindColor(e.kind, state.style.theme)), ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
    ImGui::SameLine();
    ImGui::TextColored(future ? panelColors(state.style.theme).dimmed : panelColors(state.style.theme).date, "%s", text.date.c_str());
    ImGui::SameLine();
    const std::string_view kind = model::eventKindLabel(e.kind);
    ImGui::TextDisabled("%.*s%s", static_cast<int>(kind.size()), kind.data(), future ? "  (later)" : "");
    if (e.review == model::ReviewState::Draft) {
        ImGui::SameLine();
        ImGui::TextColored(panelColors(state.style.theme).draft, "draft");
    }
    {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 36);
        if (ImGui::SmallButton("Edit")) {
            state.editing.editorOpen = true;
            state.editing.form.eventId = e.id;
            state.editing.form.revision = UINT64_MAX;
            state.editing.form.changed = false;
        }
    }
    if (!e.sourceType.empty()) ImGui::TextDisabled("Source type: %s", e.sourceType.c_str());
    ImGui::TextWrapped("%s", e.summary.c_str());
    if (e.flow) {
        const std::string_view cargo = model::cargoLabel(e.flow->cargo);
        ImGui::TextDisabled("%.*s: %s → %s", static_cast<int>(cargo.size()), cargo.data(), b.places[e.flow->from].name.c_str(),
                            b.places[e.flow->to].name.c_str());
    }
    if (e.quantity) {
        if (!e.quantity->text.empty()) ImGui::Text("Quantity: %s", e.quantity->text.c_str());
        else ImGui::Text("Quantity: %s%s%.0f %s", e.quantity->qualifier.c_str(), e.quantity->qualifier.empty() ? "" : " ",
                         e.quantity->value, e.quantity->unit.c_str());
    }
    if (!text.who.empty()) ImGui::Text("According to %s (%s)", text.who.c_str(), statusText(e.status));
    else ImGui::Text("%s", statusText(e.status));
    for (size_t s = 0; s < e.sources.size() && s < text.quotes.size(); ++s) {
        const model::Source& src = e.sources[s];
        ImGui::PushID(static_cast<int>(s));
        ImGui::PushStyleColor(ImGuiCol_Text, panelColors(state.style.theme).quote);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(text.quotes[s].c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        if (src.article != model::kNone) {
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the article at this sentence");
            if (ImGui::IsItemClicked()) {
                state.openArticle = static_cast<int>(src.article);
                state.highlightStart = src.start;
                state.highlightEnd = src.end;
                state.scrollToHighlight = true;
            }
        }
        if (!text.sources[s].empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            ImGui::TextWrapped("%s", text.sources[s].c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PopID();
    }
    if (!text.attributes.empty() && ImGui::TreeNode("attributes", "Attributes (%zu)", text.attributes.size())) {
        if (ImGui::BeginTable("##attributes", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            for (const auto& [name, value] : text.attributes) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", name.c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", value.c_str());
            }
            ImGui::EndTable();
        }
        ImGui::TreePop();
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
    const DetailsText& text = detailsText(state, b, scene, mentions, rings);
    if (sel.kind == Selection::Kind::Site && sel.index < scene.sites().size()) {
        const render::SceneSite& site = scene.sites()[sel.index];
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", site.label.c_str());
        if (!text.also.empty()) ImGui::TextDisabled("also named: %s", text.also.c_str());
        const model::Place& place = b.places[site.places.front()];
        ImGui::TextDisabled("%.3f°, %.3f°  %s", place.lat, place.lon, text.placeLine.c_str());
        if (ImGui::SmallButton("Fix location…")) state.editing.fixPlace = place.name;
        const size_t sofar = scene.countAt(site, state.day);
        ImGui::Text("%zu event%s so far, %zu in all", sofar, sofar == 1 ? "" : "s", site.events.size());
        ImGui::Separator();
        ImGui::BeginChild("events");
        for (const EventText& e : text.events) drawEvent(state, b, e);
        // What the loaded articles say of this spot (the names they give it within 25 km).
        for (uint32_t m : text.nearRings) {
            const model::MentionedPlace& p = mentions.places[m];
            ImGui::TextColored(panelColors(state.style.theme).mention, "Named in the articles: %s (%zu)", p.name.c_str(),
                               p.occurrences.size());
            drawMentionSentences(state, mentions, m);
            ImGui::Separator();
        }
        ImGui::EndChild();
    } else if (sel.kind == Selection::Kind::Flow && sel.index < scene.flows().size()) {
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "Flow");
        ImGui::Separator();
        ImGui::BeginChild("events");
        for (const EventText& e : text.events) drawEvent(state, b, e);
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
        static std::string today;  // formatted in place: the day moves while time plays
        model::formatLongDate(static_cast<model::DayNumber>(std::floor(state.day)), today);
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", today.c_str());
        ImGui::Separator();
        ImGui::BeginChild("events");
        for (const EventText& e : text.events) drawEvent(state, b, e);
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
        for (uint32_t i = 0; i < b.articles.size() && i < text.articles.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(text.articles[i].c_str())) {
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
        if (site.label.empty())  // an unnamed point of imported data: its coordinates name it
            ImGui::Text("%.4f°%c %.4f°%c — %zu event%s so far", std::abs(site.position.lat), site.position.lat < 0 ? 'S' : 'N',
                        std::abs(site.position.lon), site.position.lon < 0 ? 'W' : 'E', count, count == 1 ? "" : "s");
        else
            ImGui::Text("%s — %zu event%s so far", site.label.c_str(), count, count == 1 ? "" : "s");
        if (count > 0) ImGui::TextDisabled("latest: %s", b.events[site.events[count - 1]].summary.c_str());
        ImGui::EndTooltip();
    } else if (state.hoveredFlow && *state.hoveredFlow < scene.flows().size()) {
        const model::Event& e = b.events[scene.flows()[*state.hoveredFlow].event];
        ImGui::BeginTooltip();
        const std::string_view cargo = model::cargoLabel(e.flow->cargo);
        ImGui::Text("%.*s: %s → %s", static_cast<int>(cargo.size()), cargo.data(), b.places[e.flow->from].name.c_str(),
                    b.places[e.flow->to].name.c_str());
        static const model::Event* datedEvent = nullptr;  // formatted once per hovered flow, not per frame
        static std::string date;
        if (datedEvent != &e) date = model::formatEventDate(e), datedEvent = &e;
        ImGui::TextDisabled("%s%s%s", date.c_str(), e.quantity ? " · " : "", e.quantity ? e.quantity->text.c_str() : "");
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
