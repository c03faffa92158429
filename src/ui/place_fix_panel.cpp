// Fixing where a place is: search the gazetteer (ranked candidates, each previewed on the map while
// hovered) or click the map. The fix is the briefing's `places` entry with coordinates and a `why`,
// so every event naming the place moves with it, and Ctrl+Z takes it back.
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/projection.hpp"
#include "ui/editing_panels.hpp"
#include "ui/panels.hpp"

namespace briefmap::ui {

std::vector<PlaceCandidate> candidatesFor(const geo::Geocoder& geocoder, const std::string& query, const std::string& countryHint) {
    std::vector<PlaceCandidate> out;
    geo::GeocodeOptions options;
    options.countryHint = countryHint;
    options.top = 8;
    const geo::GeocodeResult r = geocoder.geocode(query, options);
    std::vector<geo::GeocodeCandidate> all;
    if (r.best) all.push_back(*r.best);
    all.insert(all.end(), r.runnersUp.begin(), r.runnersUp.end());
    const geo::Gazetteer& gaz = geocoder.gazetteer();
    for (const geo::GeocodeCandidate& c : all) {
        const geo::PlaceRecord& rec = gaz.place(c.place);
        const std::string_view admin = gaz.text(rec.admin1At);
        char label[256];
        std::snprintf(label, sizeof label, "%.*s%s%.*s, %.2s (%.*s)%s", static_cast<int>(gaz.placeName(c.place).size()),
                      gaz.placeName(c.place).data(), admin.empty() ? "" : ", ", static_cast<int>(admin.size()), admin.data(),
                      rec.country, static_cast<int>(geo::placeKindName(rec.kind).size()), geo::placeKindName(rec.kind).data(),
                      c.typo ? "  (spelled differently)" : "");
        out.push_back({label, std::string(gaz.placeName(c.place)), rec.lat, rec.lon});
    }
    return out;
}

void previewOnMap(const UiState& state, const PlaceCandidate& c) {
    const Vec2d xy = state.view.projectedToScreen(project(state.view.projection(), {c.lon, c.lat}));
    const float ratio = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    const ImVec2 at(static_cast<float>(xy.x) / ratio, static_cast<float>(xy.y) / ratio);
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->AddCircle(at, 14, IM_COL32(255, 80, 200, 255), 32, 3.0f);
    draw->AddCircleFilled(at, 4, IM_COL32(255, 80, 200, 255));
    draw->AddText(ImVec2(at.x + 18, at.y - 8), IM_COL32(255, 255, 255, 255), c.label.c_str());
}

void drawPlaceFixer(UiState& state, model::BriefingDocument& doc, const geo::Geocoder& geocoder) {
    EditingUi& ed = state.editing;
    if (ed.fixPlace.empty()) return;
    const model::Briefing& b = doc.briefing();
    const uint32_t index = b.findPlace(ed.fixPlace);
    if (index == model::kNone) {
        ed.fixPlace.clear();
        return;
    }
    const model::Place& place = b.places[index];
    static char why[256] = "";
    static std::string forPlace;
    if (forPlace != ed.fixPlace) {  // a new place: search for its own name
        forPlace = ed.fixPlace;
        std::snprintf(ed.placeQuery, sizeof ed.placeQuery, "%s", place.name.c_str());
        ed.candidates = candidatesFor(geocoder, ed.placeQuery, place.countryHint);
        ed.pickOnMap = false;
        ed.picked.reset();
        why[0] = '\0';
    }
    const auto fix = [&](double lat, double lon, const std::string& reason) {
        model::Place fixed;
        fixed.name = place.name;
        fixed.overridden = true;
        // Five decimals (about a metre) is what a location from a gazetteer or a click is worth.
        fixed.lat = std::round(lat * 1e5) / 1e5;
        fixed.lon = std::round(lon * 1e5) / 1e5;
        fixed.why = why[0] ? std::string(why) : reason;
        doc.apply(model::declarePlace(fixed));
        ed.message = "moved " + fixed.name + " for its " + std::to_string(b.places[index].events.size()) + " event(s)";
        state.traceAction = "place_fixed";
        char extra[96];
        std::snprintf(extra, sizeof extra, ",\"lat\":%.5f,\"lon\":%.5f", fixed.lat, fixed.lon);
        state.traceExtra = ",\"place\":" + nlohmann::json(fixed.name).dump() + extra + ",\"why\":" + nlohmann::json(fixed.why).dump();
        ed.fixPlace.clear();
        forPlace.clear();
    };
    if (ed.picked && !ed.pickForEvent) {  // the map was clicked while picking
        const LonLat p = *ed.picked;
        ed.picked.reset();
        char reason[96];
        std::snprintf(reason, sizeof reason, "placed by hand on the map at %.4f, %.4f", p.lat, p.lon);
        fix(p.lat, p.lon, reason);
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f - 220, 80), ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(440, 0), ImGuiCond_Appearing);
    bool open = true;
    const std::string title = "Fix location: " + place.name + "###fixplace";
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        if (!open) ed.fixPlace.clear(), forPlace.clear();
        return;
    }
    if (place.overridden) ImGui::TextWrapped("Now: %.4f, %.4f, given: %s", place.lat, place.lon, place.why.c_str());
    else ImGui::TextWrapped("Now: %.4f, %.4f, the gazetteer's %s", place.lat, place.lon, place.resolvedName.c_str());
    ImGui::TextDisabled("Used by %zu event(s); a fix moves them all.", place.events.size());
    ImGui::SetNextItemWidth(300);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    // Typing searches; Enter takes the best candidate.
    bool typed = false;
    const bool enter = ImGui::InputText(
        "search", ed.placeQuery, sizeof ed.placeQuery, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackEdit,
        [](ImGuiInputTextCallbackData* data) {
            *static_cast<bool*>(data->UserData) = true;
            return 0;
        },
        &typed);
    if (typed) ed.candidates = candidatesFor(geocoder, ed.placeQuery, "");
    if (enter && !ed.candidates.empty()) {
        const PlaceCandidate c = ed.candidates.front();
        fix(c.lat, c.lon, "chosen in review: " + c.label);
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(300);
    ImGui::InputTextWithHint("why", "reason kept in the briefing (optional)", why, sizeof why);
    ed.hoveredCandidate = -1;
    for (size_t i = 0; i < ed.candidates.size(); ++i) {
        const PlaceCandidate& c = ed.candidates[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(c.label.c_str())) {
            fix(c.lat, c.lon, "chosen in review: " + c.label);
            ImGui::PopID();
            ImGui::End();
            return;
        }
        if (ImGui::IsItemHovered()) {
            ed.hoveredCandidate = static_cast<int>(i);
            previewOnMap(state, c);
        }
        ImGui::PopID();
    }
    if (ed.candidates.empty()) ImGui::TextDisabled("no place of that name in the gazetteer");
    ImGui::Separator();
    if (ImGui::Button(ed.pickOnMap ? "Click the map… (Esc cancels)" : "Pick on the map")) ed.pickOnMap = !ed.pickOnMap;
    recordPanelRect(state);
    ImGui::End();
    if (!open) {
        ed.fixPlace.clear();
        forPlace.clear();
        ed.pickOnMap = false;
    }
}

}  // namespace briefmap::ui
