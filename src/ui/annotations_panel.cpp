// Annotations in the window: the Measure tool (M: drag a geodesic ruler, read its length, keep it),
// range rings, arrows and labels placed with a click or a drag (snapped to a place under the
// cursor, which the annotation then names), and the list of the briefing's annotations with their
// text, radius, colour and dates editable. Every change is one undoable edit.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/geodesic.hpp"
#include "model/annotation_json.hpp"
#include "ui/editing_panels.hpp"
#include "ui/panels.hpp"

namespace briefmap::ui {

namespace {

const char* const kToolNames[] = {"Off", "Measure (M)", "Range ring", "Arrow", "Label"};

// What is under the cursor: a briefing place's marker (named, at its position), else the spot.
PickedPoint pickPoint(const UiState& state, const model::Briefing& briefing, const render::SceneGeometry* scene, double px, double py) {
    if (scene)
        if (const auto site = scene->pickSite(state.view, px, py, state.day, state.windowStart())) {
            const render::SceneSite& s = scene->sites()[*site];
            const std::string& name = briefing.places[s.places.front()].name;
            return {{s.position.lon, s.position.lat}, name};
        }
    LonLat at = state.view.screenToLonLat(px, py);
    at.lon = std::remainder(at.lon, 360.0);
    return {at, ""};
}

model::AnnotationPoint toModel(const PickedPoint& p) { return {p.place, p.at, true}; }

std::string pointName(const model::AnnotationPoint& p) {
    if (!p.place.empty()) return p.place;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f°%c %.2f°%c", std::abs(p.at.lat), p.at.lat >= 0 ? 'N' : 'S', std::abs(p.at.lon),
                  p.at.lon >= 0 ? 'E' : 'W');
    return buffer;
}

}  // namespace

bool handleAnnotationInput(UiState& state, double pixelRatio, const model::Briefing& briefing, const render::SceneGeometry* scene) {
    AnnotationUi& a = state.editing.annotating;
    if (a.tool == AnnotationTool::None || !ImGui::IsMousePosValid()) return false;
    const ImGuiIO& io = ImGui::GetIO();
    const double px = io.MousePos.x * pixelRatio, py = io.MousePos.y * pixelRatio;
    const bool twoPoints = a.tool == AnnotationTool::Ruler || a.tool == AnnotationTool::Arrow;
    if (twoPoints) {
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            a.dragFrom = pickPoint(state, briefing, scene, px, py);
            a.dragTo = a.dragFrom;
            ++a.transientVersion;
        }
        if (a.dragFrom && ImGui::IsMouseDown(ImGuiMouseButton_Left) && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
            a.dragTo = pickPoint(state, briefing, scene, px, py);
            ++a.transientVersion;
        }
        if (a.dragFrom && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            PickedPoint to = pickPoint(state, briefing, scene, px, py);
            const bool moved = io.MouseDragMaxDistanceSqr[0] >= 9.0f;
            if (moved && a.tool == AnnotationTool::Ruler) {
                a.measured = {{*a.dragFrom, to}};
                if (const auto line = geodesicInverse(a.dragFrom->at, to.at)) {
                    char extra[200];
                    std::snprintf(extra, sizeof extra, ",\"km\":%.3f,\"from\":[%.6f,%.6f],\"to\":[%.6f,%.6f]", line->metres / 1000,
                                  a.dragFrom->at.lon, a.dragFrom->at.lat, to.at.lon, to.at.lat);
                    state.traceAction = "measure";
                    state.traceExtra = extra;
                }
            } else if (moved) {
                model::Annotation arrow;
                arrow.kind = model::AnnotationKind::Arrow;
                arrow.at = toModel(*a.dragFrom);
                arrow.to = toModel(to);
                arrow.text = a.text;
                a.placed = arrow;
            }
            a.dragFrom.reset();
            a.dragTo.reset();
            ++a.transientVersion;
        }
        return a.dragFrom.has_value() || ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    }
    // A ring or a label: a click places it (a drag still pans).
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 9.0f) {
        model::Annotation placed;
        placed.at = toModel(pickPoint(state, briefing, scene, px, py));
        placed.text = a.text;
        if (a.tool == AnnotationTool::RangeRing) {
            placed.kind = model::AnnotationKind::RangeRing;
            placed.radiusKm = std::clamp(static_cast<double>(a.ringRadiusKm), 1.0, 20'000.0);
        } else {
            placed.kind = model::AnnotationKind::Label;
            if (placed.text.empty()) placed.text = "Label";
        }
        a.placed = placed;
        return true;
    }
    return false;
}

std::optional<render::AnnotationShape> annotationPreview(const UiState& state) {
    const AnnotationUi& a = state.editing.annotating;
    std::optional<std::pair<PickedPoint, PickedPoint>> ends;
    if (a.dragFrom && a.dragTo) ends = {{*a.dragFrom, *a.dragTo}};
    else if (a.measured) ends = a.measured;
    if (!ends) return std::nullopt;
    const bool arrow = a.dragFrom && a.tool == AnnotationTool::Arrow;
    render::AnnotationShape shape;
    shape.annotation.kind = arrow ? model::AnnotationKind::Arrow : model::AnnotationKind::Ruler;
    shape.annotation.at = toModel(ends->first);
    shape.annotation.to = toModel(ends->second);
    auto path = geodesicPath(ends->first.at, ends->second.at, 25'000);
    if (!path) return std::nullopt;
    shape.path = std::move(*path);
    if (!arrow)
        if (auto line = geodesicInverse(ends->first.at, ends->second.at)) shape.caption = formatDistance(line->metres);
    if (arrow) shape.caption = a.text;
    return shape;
}

void drawAnnotationsPanel(UiState& state, model::BriefingDocument& doc) {
    AnnotationUi& a = state.editing.annotating;
    const std::vector<model::Annotation>& list = doc.briefing().annotations;
    if (a.placed) {
        std::string label = "Add " + std::string(model::annotationKindLabel(a.placed->kind));
        label[4] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[4])));
        std::vector<model::Annotation> next = list;
        next.push_back(std::move(*a.placed));
        a.placed.reset();
        doc.apply(model::replaceAnnotations(std::move(next), label));
        state.traceAction = "annotate";
        state.traceExtra = ",\"annotation\":" + model::annotationJson(doc.briefing().annotations.back()).dump();
    }
    if (!state.showPanels) return;
    ImGui::SetNextWindowPos(ImVec2(12, state.panelRowY(4)), ImGuiCond_FirstUseEver);  // below the Views header
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Annotations", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        recordPanelRect(state);
        ImGui::End();
        return;
    }
    int tool = static_cast<int>(a.tool);
    for (int i = 0; i < 5; ++i) {
        if (i) ImGui::SameLine();
        if (ImGui::RadioButton(kToolNames[i], &tool, i)) {
            a.tool = static_cast<AnnotationTool>(tool);
            a.dragFrom.reset();
            ++a.transientVersion;
        }
    }
    switch (a.tool) {
    case AnnotationTool::Ruler:
        ImGui::TextDisabled("Drag on the map to measure the geodesic distance (Esc clears).");
        break;
    case AnnotationTool::RangeRing:
        ImGui::SetNextItemWidth(120);
        ImGui::InputFloat("radius (km)", &a.ringRadiusKm, 50, 500, "%.0f");
        a.ringRadiusKm = std::clamp(a.ringRadiusKm, 1.0f, 20000.0f);
        ImGui::SetNextItemWidth(240);
        ImGui::InputTextWithHint("text##ring", "caption, e.g. KN-23", a.text, sizeof a.text);
        ImGui::TextDisabled("Click a place (or anywhere) for the ring's centre.");
        break;
    case AnnotationTool::Arrow:
        ImGui::SetNextItemWidth(240);
        ImGui::InputTextWithHint("text##arrow", "caption (optional)", a.text, sizeof a.text);
        ImGui::TextDisabled("Drag on the map from the arrow's tail to its head.");
        break;
    case AnnotationTool::Label:
        ImGui::SetNextItemWidth(240);
        ImGui::InputTextWithHint("text##label", "the label's text", a.text, sizeof a.text);
        ImGui::TextDisabled("Click on the map where the label goes.");
        break;
    default:
        break;
    }
    if (a.measured) {
        const auto line = geodesicInverse(a.measured->first.at, a.measured->second.at);
        ImGui::Text("Measured: %s", line ? formatDistance(line->metres).c_str() : "?");
        ImGui::SameLine();
        if (ImGui::SmallButton("Keep as ruler")) {
            std::vector<model::Annotation> next = list;
            model::Annotation ruler;
            ruler.kind = model::AnnotationKind::Ruler;
            ruler.at = toModel(a.measured->first);
            ruler.to = toModel(a.measured->second);
            next.push_back(ruler);
            doc.apply(model::replaceAnnotations(std::move(next), "Add ruler"));
            state.traceAction = "annotate";
            state.traceExtra = ",\"annotation\":" + model::annotationJson(doc.briefing().annotations.back()).dump();
            a.measured.reset();
            ++a.transientVersion;
        }
    }
    ImGui::Separator();
    if (list.empty()) ImGui::TextDisabled("No annotations yet: choose a tool above.");
    std::optional<std::vector<model::Annotation>> changed;
    std::string label;
    for (size_t i = 0; i < list.size(); ++i) {
        const model::Annotation& an = list[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::AlignTextToFramePadding();
        std::string what = std::string(model::annotationKindLabel(an.kind)) + ": " + pointName(an.at);
        if (an.needsEnd()) what += " → " + pointName(an.to);
        if (!an.located()) what += " (not found)";
        ImGui::TextUnformatted(what.c_str());
        // Text, radius and colour are edited in place; an edit is one undo step when the field is left.
        std::string text = an.text;
        ImGui::SetNextItemWidth(200);
        ImGui::InputTextWithHint("##text", "text", &text);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            changed = list;
            (*changed)[i].text = text;
            label = "Edit annotation text";
        }
        if (an.kind == model::AnnotationKind::RangeRing) {
            ImGui::SameLine();
            float radius = static_cast<float>(an.radiusKm);
            ImGui::SetNextItemWidth(90);
            ImGui::InputFloat("km", &radius, 0, 0, "%.0f");
            if (ImGui::IsItemDeactivatedAfterEdit() && radius >= 1 && radius <= 20000) {
                changed = list;
                (*changed)[i].radiusKm = radius;
                label = "Change ring radius";
            }
        }
        ImGui::SameLine();
        const render::Rgba ink = render::annotationInk(state.style.theme);
        const uint32_t rgb = an.color.value_or((static_cast<uint32_t>(ink.r * 255 + 0.5f) << 16) |
                                               (static_cast<uint32_t>(ink.g * 255 + 0.5f) << 8) | static_cast<uint32_t>(ink.b * 255 + 0.5f));
        float color[3] = {static_cast<float>(rgb >> 16 & 0xff) / 255, static_cast<float>(rgb >> 8 & 0xff) / 255,
                          static_cast<float>(rgb & 0xff) / 255};
        ImGui::ColorEdit3("##color", color, ImGuiColorEditFlags_NoInputs);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            changed = list;
            (*changed)[i].color = (static_cast<uint32_t>(std::lround(color[0] * 255)) << 16) |
                                  (static_cast<uint32_t>(std::lround(color[1] * 255)) << 8) | static_cast<uint32_t>(std::lround(color[2] * 255));
            label = "Change annotation colour";
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) {
            changed = list;
            changed->erase(changed->begin() + static_cast<std::ptrdiff_t>(i));
            label = "Delete " + std::string(model::annotationKindLabel(an.kind));
        }
        ImGui::PopID();
    }
    if (changed) doc.apply(model::replaceAnnotations(std::move(*changed), label));
    recordPanelRect(state);
    ImGui::End();
}

}  // namespace briefmap::ui
