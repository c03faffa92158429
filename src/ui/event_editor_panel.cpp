// The event editor: every field of the selected event as a form, checked with validate's rules as
// it is typed (an invalid field is shown, never saved), applied as one undoable edit. Delete,
// duplicate, and accept or reject a draft from here too.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "model/briefing_writer.hpp"
#include "ui/editing_panels.hpp"
#include "ui/event_form.hpp"
#include "ui/panels.hpp"
#include "ui/panel_theme.hpp"

namespace briefmap::ui {

namespace {

using ordered = nlohmann::ordered_json;

const char* kPrecisions[] = {"as the start date says", "day", "month", "season", "year"};

// The form's JSON checked by the document: problems (as "field: reason") and, when none, the edit.
struct CheckedForm {
    ordered json;
    bool changed = false;
    model::PortableEvent event;
    std::vector<std::string> problems;
};

CheckedForm checkForm(const EventForm& form, const model::BriefingDocument& doc, const model::Event& e) {
    CheckedForm c;
    const ordered before = doc.eventJson(e);
    c.json = eventFromForm(form, before);
    c.changed = !sameJson(c.json, before);
    for (const model::Diagnostic& d : doc.checkEvent(c.json, c.event)) {
        std::string field = d.path.rfind("events[0].", 0) == 0 ? d.path.substr(10) : d.path == "events[0]" ? "" : d.path;
        c.problems.push_back(field.empty() ? d.message : field + ": " + d.message);
    }
    return c;
}

std::string uniqueCopyId(const model::Briefing& b, const std::string& id) {
    for (int n = 2;; ++n) {
        std::string candidate = id + "-copy" + (n == 2 ? "" : "-" + std::to_string(n - 1));
        if (b.findEvent(candidate) == model::kNone) return candidate;
    }
}

bool textLines(const char* label, char* buf, size_t size, float lines) {
    return ImGui::InputTextMultiline(label, buf, size, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * lines + 8));
}

}  // namespace

void openEventEditor(UiState& state, const model::Briefing& b, uint32_t event) {
    if (event >= b.events.size()) return;
    state.editing.editorOpen = true;
    state.editing.form.eventId = b.events[event].id;
    state.editing.form.revision = UINT64_MAX;  // filled on the next frame
    state.editing.form.changed = false;
    state.editing.focusEditor = true;
}

void drawEventEditor(UiState& state, model::BriefingDocument& doc, const geo::Geocoder& geocoder) {
    EditingUi& ed = state.editing;
    if (!ed.editorOpen) return;
    const model::Briefing& b = doc.briefing();
    const uint32_t index = b.findEvent(ed.form.eventId);
    if (index == model::kNone) {  // deleted (or undone away)
        ed.editorOpen = false;
        return;
    }
    const model::Event& e = b.events[index];
    EventForm& form = ed.form;
    // Refilled when the briefing changed under the form (undo, redo) unless it holds typing.
    if (form.revision != doc.revision() && !form.changed) {
        fillEventForm(form, doc.eventJson(e));
        form.revision = doc.revision();
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 380 - 400, 40), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(390, std::min(io.DisplaySize.y - 200, 640.0f)), ImGuiCond_FirstUseEver);
    bool open = true;
    if (!ImGui::Begin("Edit event", &open)) {
        ImGui::End();
        if (!open) ed.editorOpen = false;
        return;
    }
    ImGui::TextDisabled("%s", e.id.c_str());
    bool edited = false;
    ImGui::PushItemWidth(-110);
    {
        std::string_view current = model::eventKindName(static_cast<model::EventKind>(form.kind));
        if (ImGui::BeginCombo("kind", std::string(current).c_str())) {
            for (int k = 0; k < static_cast<int>(model::EventKind::Count); ++k) {
                const std::string_view label = model::eventKindLabel(static_cast<model::EventKind>(k));
                if (ImGui::Selectable(std::string(label).c_str(), k == form.kind)) {
                    form.kind = k;
                    edited = true;
                }
            }
            ImGui::EndCombo();
        }
    }
    edited |= ImGui::InputText("start", form.start, sizeof form.start);
    edited |= ImGui::InputText("end", form.end, sizeof form.end);
    edited |= ImGui::Combo("precision", &form.precision, kPrecisions, IM_ARRAYSIZE(kPrecisions));
    ImGui::TextDisabled("places (one per line)");
    edited |= textLines("##places", form.places, sizeof form.places, 2.5f);
    // Add a place: the geocoder's ranked candidates, each previewed on the map while hovered.
    ImGui::SetNextItemWidth(-110);
    if (ImGui::InputTextWithHint("add place", "search the gazetteer", ed.placeSearch, sizeof ed.placeSearch))
        ed.placeResults = ed.placeSearch[0] ? candidatesFor(geocoder, ed.placeSearch, "") : std::vector<PlaceCandidate>{};
    // Or a point clicked on the map: a place named by its coordinates, declared with them.
    if (ImGui::SmallButton(ed.pickOnMap && ed.pickForEvent ? "Click the map… (Esc cancels)" : "Pick a point on the map")) {
        ed.pickOnMap = !(ed.pickOnMap && ed.pickForEvent);
        ed.pickForEvent = ed.pickOnMap;
    }
    if (ed.picked && ed.pickForEvent) {
        const LonLat p = *ed.picked;
        ed.picked.reset();
        ed.pickForEvent = false;
        model::Place point;
        char name[64];
        std::snprintf(name, sizeof name, "%.3f°%c %.3f°%c", std::abs(p.lat), p.lat >= 0 ? 'N' : 'S', std::abs(p.lon), p.lon >= 0 ? 'E' : 'W');
        point.name = name;
        point.overridden = true;
        point.lat = std::round(p.lat * 1e5) / 1e5;
        point.lon = std::round(p.lon * 1e5) / 1e5;
        point.why = "placed by hand on the map";
        doc.apply(model::declarePlace(point));
        form.revision = doc.revision();  // the form keeps what is typed in it
        std::string places = form.places;
        if (!places.empty() && places.back() != '\n') places += '\n';
        places += point.name;
        std::snprintf(form.places, sizeof form.places, "%s", places.c_str());
        edited = true;
    }
    for (size_t i = 0; i < ed.placeResults.size() && i < 6; ++i) {
        const PlaceCandidate& c = ed.placeResults[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(c.label.c_str())) {
            std::string places = form.places;
            if (!places.empty() && places.back() != '\n') places += '\n';
            places += c.name;
            std::snprintf(form.places, sizeof form.places, "%s", places.c_str());
            ed.placeSearch[0] = '\0';
            ed.placeResults.clear();
            edited = true;
        } else if (ImGui::IsItemHovered()) {
            previewOnMap(state, c);
        }
        ImGui::PopID();
    }
    edited |= ImGui::Checkbox("flow", &form.flow);
    if (form.flow) {
        edited |= ImGui::InputText("from", form.from, sizeof form.from);
        edited |= ImGui::InputText("to", form.to, sizeof form.to);
        edited |= ImGui::InputText("via", form.via, sizeof form.via);
        const char* cargo[static_cast<int>(model::Cargo::Count)];
        static std::string labels[static_cast<int>(model::Cargo::Count)];
        for (int c = 0; c < static_cast<int>(model::Cargo::Count); ++c) {
            labels[c] = std::string(model::cargoLabel(static_cast<model::Cargo>(c)));
            cargo[c] = labels[c].c_str();
        }
        edited |= ImGui::Combo("cargo", &form.cargo, cargo, static_cast<int>(model::Cargo::Count));
    }
    edited |= ImGui::Checkbox("quantity", &form.quantity);
    if (form.quantity) {
        edited |= ImGui::InputText("value", form.value, sizeof form.value);
        edited |= ImGui::InputText("unit", form.unit, sizeof form.unit);
        edited |= ImGui::InputText("qualifier", form.qualifier, sizeof form.qualifier);
        edited |= ImGui::InputText("as written", form.quantityText, sizeof form.quantityText);
    }
    ImGui::TextDisabled("attribution (one per line)");
    edited |= textLines("##attribution", form.attribution, sizeof form.attribution, 2);
    ImGui::TextDisabled("actors (one per line)");
    edited |= textLines("##actors", form.actors, sizeof form.actors, 2);
    {
        const char* statuses[] = {"confirmed", "claimed", "disputed"};
        edited |= ImGui::Combo("status", &form.status, statuses, 3);
    }
    ImGui::TextDisabled("summary");
    if (ed.focusEditor) {
        ImGui::SetKeyboardFocusHere();
        ed.focusEditor = false;
    }
    edited |= textLines("##summary", form.summary, sizeof form.summary, 3);
    edited |= ImGui::Checkbox("draft (not yet reviewed)", &form.draft);
    ImGui::PopItemWidth();

    // Checked when it changes (not every frame): the document reads it like `validate` would.
    static CheckedForm checked;
    static std::string checkedFor;
    static uint64_t checkedRevision = UINT64_MAX;
    if (edited || checkedFor != form.eventId || checkedRevision != form.revision) {
        checked = checkForm(form, doc, e);
        checkedFor = form.eventId;
        checkedRevision = form.revision;
        form.changed = checked.changed;
        form.problems = checked.problems;
    }
    for (const std::string& p : form.problems) ImGui::TextColored(panelColors(state.style.theme).error, "%s", p.c_str());
    ImGui::Separator();
    const bool canApply = form.changed && form.problems.empty();
    ImGui::BeginDisabled(!canApply);
    const bool applyKey = canApply && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && io.KeyCtrl &&
                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    if (ImGui::Button("Apply  (Ctrl+Enter)") || applyKey) {
        const std::string id = e.id;  // `e` moves with the edit
        doc.apply(model::replaceEvent(id, checked.event));
        form.changed = false;
        ed.message = "applied: " + id;
        state.traceAction = "event_edited";
        state.traceExtra = ",\"event\":" + nlohmann::json(form.eventId).dump();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!form.changed);
    if (ImGui::Button("Revert form")) {
        form.changed = false;
        form.revision = UINT64_MAX;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Duplicate")) {
        model::PortableEvent copy = model::portableEvent(b, e);
        copy.event.id = uniqueCopyId(b, e.id);
        const std::string id = copy.event.id;
        doc.apply(model::addEvent(std::move(copy)));
        form.eventId = id;
        form.revision = UINT64_MAX;
        ed.message = "duplicated as " + id;
    }
    ImGui::SameLine();
    if (ImGui::Button("Delete")) {
        const std::string id = e.id;
        doc.apply(model::removeEvent(id));
        ed.message = "deleted " + id + " (Ctrl+Z brings it back)";
        ed.editorOpen = false;
        state.selection = {};
        state.traceAction = "event_deleted";
        state.traceExtra = ",\"event\":" + nlohmann::json(id).dump();
    }
    if (!ed.message.empty()) {  // wrapped: a refused store write names the event and both versions
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", ed.message.c_str());
        ImGui::PopStyleColor();
    }
    recordPanelRect(state);
    ImGui::End();
    if (!open) ed.editorOpen = false;
}

}  // namespace briefmap::ui
