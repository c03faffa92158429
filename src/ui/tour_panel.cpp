// The Tour panel: the steps of the briefing's tour (Go, caption, reorder, delete), "Add step from
// current view", Save; and Export video (format, size, rate, length, the tour or the time range)
// with the background export's progress.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>

#include "core/atomic_file.hpp"
#include "ui/panels.hpp"
#include "ui/presenter.hpp"

namespace briefmap::ui {

namespace {

// The view on screen as a tour step's bbox (longitudes within ±180; east < west across the antimeridian).
GeoBounds currentBounds(const MapView& view) {
    GeoBounds g = view.geoExtent();
    const double shift = 360.0 * std::floor((g.west + 180.0) / 360.0);
    g.west -= shift;
    g.east -= shift;
    if (g.east > 180) g.east -= 360;
    g.west = std::max(-180.0, g.west);
    g.south = std::max(-85.0, g.south);
    g.north = std::min(85.0, g.north);
    return g;
}

void drawSteps(UiState& state) {
    model::Tour& tour = *state.tour.tour;
    std::optional<size_t> moveUp, moveDown, remove, go;
    for (size_t i = 0; i < tour.steps.size(); ++i) {
        model::TourStep& step = tour.steps[i];
        ImGui::PushID(static_cast<int>(i));
        const bool current = state.tour.step == static_cast<int>(i);
        if (ImGui::Selectable(current ? ">" : " ", current, 0, ImVec2(12, 0))) go = i;
        ImGui::SameLine();
        ImGui::TextDisabled("%s", model::formatMoment(step.from).substr(0, 10).c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(300);
        if (ImGui::InputText("##caption", &step.caption)) {
            state.tour.dirty = true;
            if (current) state.style.caption = step.caption;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Go")) go = i;
        ImGui::SameLine();
        if (ImGui::ArrowButton("up", ImGuiDir_Up) && i > 0) moveUp = i;
        ImGui::SameLine();
        if (ImGui::ArrowButton("down", ImGuiDir_Down) && i + 1 < tour.steps.size()) moveDown = i;
        ImGui::SameLine();
        if (ImGui::SmallButton("x")) remove = i;
        ImGui::PopID();
    }
    if (moveUp) std::swap(tour.steps[*moveUp], tour.steps[*moveUp - 1]);
    if (moveDown) std::swap(tour.steps[*moveDown], tour.steps[*moveDown + 1]);
    if (remove) {
        tour.steps.erase(tour.steps.begin() + static_cast<long>(*remove));
        leaveTour(state);
    }
    if (moveUp || moveDown || remove) {
        state.tour.dirty = true;
        state.traceAction = "tour_edited";
        state.traceExtra = ",\"steps\":" + std::to_string(tour.steps.size());
    }
    if (go) {
        goToTourStep(state, *go);
        state.traceAction = "tour_step";
        state.traceExtra = ",\"step\":" + std::to_string(*go);
    }
}

void drawVideoExport(UiState& state) {
    VideoExportUi& v = state.video;
    ImGui::Separator();
    ImGui::TextUnformatted("Export video");
    ImGui::RadioButton("MP4", &v.format, 0);
    ImGui::SameLine();
    ImGui::RadioButton("WebM", &v.format, 1);
    ImGui::SameLine();
    ImGui::RadioButton("GIF", &v.format, 2);
    const char* sizes[] = {"1280x720", "1920x1080", "3840x2160", "800x450"};
    ImGui::SetNextItemWidth(110);
    ImGui::Combo("size", &v.size, sizes, IM_ARRAYSIZE(sizes));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    if (ImGui::InputInt("fps", &v.fps)) v.fps = std::clamp(v.fps, 1, 120);
    const bool tour = state.tour.tour && !state.tour.tour->steps.empty();
    if (!tour) v.playTour = false;
    if (tour) ImGui::Checkbox("Play the tour", &v.playTour);
    if (!v.playTour) {
        ImGui::SetNextItemWidth(120);
        ImGui::InputTextWithHint("##from", "from (first day)", v.from, sizeof v.from);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120);
        ImGui::InputTextWithHint("##to", "to (last day)", v.to, sizeof v.to);
        ImGui::SetNextItemWidth(110);
        if (ImGui::InputFloat("seconds", &v.seconds, 1, 5, "%.0f")) v.seconds = std::clamp(v.seconds, 1.0f, 3600.0f);
    }
    if (v.running) {
        ImGui::ProgressBar(v.total ? static_cast<float>(v.done) / static_cast<float>(v.total) : 0.0f, ImVec2(260, 0),
                           (std::to_string(v.done) + " / " + std::to_string(v.total) + " frames").c_str());
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) v.cancelRequested = true;
    } else if (ImGui::Button("Export video (Ctrl+E)")) {
        v.requested = true;
    }
    if (!v.message.empty()) ImGui::TextWrapped("%s", v.message.c_str());
}

}  // namespace

void drawTourPanel(UiState& state) {
    ImGui::SetNextWindowPos(ImVec2(12, state.panelRowY(2)), ImGuiCond_FirstUseEver);  // below the Map and Filters headers
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Tour and video", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        recordPanelRect(state);
        ImGui::End();
        return;
    }
    if (!state.tour.tour) {
        ImGui::TextDisabled("No tour yet.");
        ImGui::SameLine();
        if (ImGui::Button("New tour")) state.tour.tour = model::Tour{};
    }
    if (state.tour.tour) {
        ImGui::TextDisabled("Page Down / Page Up step through it in presenter mode");
        drawSteps(state);
        if (ImGui::Button("Add step from current view")) {
            model::TourStep step;
            step.from = step.to = model::Moment{std::llround(state.day * 86400.0)};
            step.view.bbox = currentBounds(state.view);
            step.caption = "";
            state.tour.tour->steps.push_back(step);
            state.tour.dirty = true;
            state.traceAction = "tour_step_added";
            state.traceExtra = ",\"steps\":" + std::to_string(state.tour.tour->steps.size());
        }
        ImGui::SameLine();
        if (ImGui::Button(state.tour.dirty ? "Save*" : "Save") && !state.tour.path.empty()) {
            const std::string text = model::tourJson(*state.tour.tour);
            Status s = writeFileAtomically(state.tour.path, {reinterpret_cast<const unsigned char*>(text.data()), text.size()});
            state.tour.message = s ? "saved " + state.tour.path : s.error().message;
            if (s) state.tour.dirty = false;
            state.traceAction = "tour_saved";
            state.traceExtra = std::string(",\"ok\":") + (s ? "true" : "false");
        }
        if (!state.tour.message.empty()) ImGui::TextWrapped("%s", state.tour.message.c_str());
    }
    drawVideoExport(state);
    recordPanelRect(state);
    ImGui::End();
}

}  // namespace briefmap::ui
