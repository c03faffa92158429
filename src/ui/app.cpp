// Window creation, the frame loop and input routing (update → map → ImGui; the map gets input only
// when ImGui does not want it). Sleeps in glfwWaitEvents while nothing changes.
#include "ui/app.hpp"
#include "ui/video_export_job.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <future>
#include <memory>
#include <tuple>
#include <vector>

#include "cli/commands.hpp"
#include "cli/import_flags.hpp"
#include "draft/article_files.hpp"
#include "draft/draft_briefing.hpp"
#include "core/atomic_file.hpp"
#include "geo/basemap.hpp"
#include "model/briefing_document.hpp"
#include "model/briefing_loader.hpp"
#include "store/store_session.hpp"
#include "ui/store_reading.hpp"
#include "model/data_frame.hpp"
#include "ui/presenter.hpp"
#include "render/glyph_atlas.hpp"
#include "render/map_export.hpp"
#include "render/png_writer.hpp"
#include "render/render_target.hpp"
#include "ui/panel_fonts.hpp"
#include "ui/editing_panels.hpp"
#include "ui/panels.hpp"
#include "ui/ui_state.hpp"
#include "ui/panel_theme.hpp"

namespace briefmap::ui {

namespace {

void* glfwProc(const char* name) { return reinterpret_cast<void*>(glfwGetProcAddress(name)); }

// Key presses since the last frame (key, modifiers), filled by onKey; capacity reserved at start.
std::vector<std::pair<int, int>> g_pressedKeys;
// Files dropped on the window since the last frame: articles to add.
std::vector<std::string> g_droppedPaths;

void onDrop(GLFWwindow*, int count, const char** paths) {
    for (int i = 0; i < count; ++i) g_droppedPaths.emplace_back(paths[i]);
}

void onKey(GLFWwindow*, int key, int, int action, int mods) {
    // Auto-repeat only for stepping, so holding an arrow walks through events.
    if (action == GLFW_PRESS || (action == GLFW_REPEAT && (key == GLFW_KEY_LEFT || key == GLFW_KEY_RIGHT)))
        if (g_pressedKeys.size() < g_pressedKeys.capacity()) g_pressedKeys.emplace_back(key, mods);
}

std::string timestampedName(const std::string& dir, const char* ext = ".png") {
    char buf[64];
    const std::time_t now = std::time(nullptr);
    std::strftime(buf, sizeof buf, "briefmap-%Y%m%d-%H%M%S", std::localtime(&now));
    std::string path = dir + "/" + buf + ext;
    for (int n = 2; std::filesystem::exists(path); ++n) path = dir + "/" + buf + "-" + std::to_string(n) + ext;
    return path;
}

// --trace: one JSON line per presenter action, for scripted sessions and tests.
void traceAction(bool enabled, const UiState& state, const model::Briefing& briefing, const char* action,
                 const std::string& extra = {}) {
    if (!enabled) return;
    std::string events;
    if (std::string_view(action) == "next" || std::string_view(action) == "prev")
        for (uint32_t e : state.steppedEvents) events += (events.empty() ? "\"" : ",\"") + briefing.events[e].id + "\"";
    std::printf("{\"action\":\"%s\",\"day\":\"%s\",\"days_per_second\":%g,\"playing\":%s,\"events\":[%s]%s}\n", action,
                model::formatDay(static_cast<model::DayNumber>(std::floor(state.day))).c_str(), kSpeeds[state.speedIndex],
                state.playing ? "true" : "false", events.c_str(), extra.c_str());
    std::fflush(stdout);
}

// A new message (saved, written, failed, where a screenshot went) at the top of the window for four
// seconds, fading: the Map panel that also lists it is usually folded.
void drawToast(UiState& state, double now) {
    if (state.lastMessage != state.toastText) {
        state.toastText = state.lastMessage;
        state.toastSince = now;
    }
    const double age = now - state.toastSince;
    if (state.toastText.empty() || age > 4.0) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, 12), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowBgAlpha(static_cast<float>(0.92 * std::min(1.0, (4.0 - age) / 0.6)));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::min(720.0f, io.DisplaySize.x - 40), FLT_MAX));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("##toast", nullptr, flags)) {
        ImGui::PushTextWrapPos(std::min(700.0f, io.DisplaySize.x - 60));
        ImGui::TextUnformatted(state.toastText.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

// The map's layout size: the framebuffer divided by the map's scale, which is --scale, else the
// screen's own (a HiDPI framebuffer twice the window's size, or the desktop's content scale on X11).
struct MapLayoutSize {
    int width = 1, height = 1;
};
MapLayoutSize mapLayoutSize(GLFWwindow* window, double requested, int fbWidth, int fbHeight, int winWidth) {
    double scale = requested;
    if (scale <= 0) {
        float contentX = 1, contentY = 1;
        glfwGetWindowContentScale(window, &contentX, &contentY);
        scale = std::max({1.0, winWidth > 0 ? double(fbWidth) / winWidth : 1.0, double(contentX)});
    }
    return {std::max(1, static_cast<int>(std::lround(fbWidth / scale))), std::max(1, static_cast<int>(std::lround(fbHeight / scale)))};
}

// Map input from ImGui's view of the mouse, only when no ImGui window wants it; presenter keys
// whenever no text field has focus.
bool handleMapInput(UiState& state, double pixelRatio, const model::Briefing& briefing, const render::SceneGeometry* scene,
                    const render::MentionGeometry* rings, const model::ArticleMentions& mentions, bool trace,
                    const render::MapRenderer& renderer) {
    ImGuiIO& io = ImGui::GetIO();
    bool changed = false;
    state.hoveredSite.reset();
    state.hoveredFlow.reset();
    state.hoveredMention.reset();
    if (!io.WantCaptureMouse) {
        // A click on the legend folds it to its header, or opens it again (L does the same).
        const render::ScreenBox& legend = state.legendBox;
        const double mx = io.MousePos.x * pixelRatio, my = io.MousePos.y * pixelRatio;
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !io.KeyShift && legend.x1 > legend.x0 && mx >= legend.x0 &&
            mx <= legend.x1 && my >= legend.y0 && my <= legend.y1) {
            state.style.legendCollapsed = !state.style.legendCollapsed;
            traceAction(trace, state, briefing, "legend", state.style.legendCollapsed ? ",\"collapsed\":true" : ",\"collapsed\":false");
            return true;
        }
        // An annotation tool takes the mouse while it is on (a drag measures or draws an arrow).
        if (handleAnnotationInput(state, pixelRatio, briefing, scene)) return true;
        // Shift+drag from a place draws a new flow instead of panning (dropped on another place).
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.KeyShift && scene && ImGui::IsMousePosValid())
            state.editing.flowDragFrom = scene->pickSite(state.view, io.MousePos.x * pixelRatio, io.MousePos.y * pixelRatio, state.day, state.windowStart());
        if (state.editing.flowDragFrom && scene && *state.editing.flowDragFrom < scene->sites().size()) {
            const Vec2d a = scene->siteOnScreen(state.view, scene->sites()[*state.editing.flowDragFrom]);
            const auto k = static_cast<float>(pixelRatio);
            ImGui::GetBackgroundDrawList()->AddLine(ImVec2(static_cast<float>(a.x) / k, static_cast<float>(a.y) / k), io.MousePos,
                                                    IM_COL32(255, 120, 210, 255), 3.0f);
            if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
                const auto to = scene->pickSite(state.view, io.MousePos.x * pixelRatio, io.MousePos.y * pixelRatio, state.day, state.windowStart());
                if (to && *to != *state.editing.flowDragFrom) state.editing.flowDropped = {{*state.editing.flowDragFrom, *to}};
                state.editing.flowDragFrom.reset();
            }
            return true;
        }
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f) && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
            // Whole pixels keep panning on the base-map cache's blit path (see BasemapCache).
            state.view.panPixels(std::round(io.MouseDelta.x * pixelRatio), std::round(io.MouseDelta.y * pixelRatio));
            state.flight.active = false;
            changed = true;
        }
        if (io.MouseWheel != 0) {
            state.pendingZoom *= std::pow(1.25, io.MouseWheel);
            state.zoomAnchorX = io.MousePos.x * pixelRatio;
            state.zoomAnchorY = io.MousePos.y * pixelRatio;
            state.flight.active = false;
            changed = true;
        }
        if (scene && ImGui::IsMousePosValid()) {
            const double px = io.MousePos.x * pixelRatio, py = io.MousePos.y * pixelRatio;
            // Markers first (a ring round a marker names the same spot; the marker's details list
            // the articles' sentences too), then the articles' rings, then flows.
            state.hoveredSite = scene->pickSite(state.view, px, py, state.day, state.windowStart());
            if (!state.hoveredSite && rings && state.style.layers.mentions)
                state.hoveredMention = rings->pick(state.view, px, py, state.day);
            if (!state.hoveredSite && !state.hoveredMention) state.hoveredFlow = scene->pickFlow(state.view, px, py, state.day);
            if (renderer.clusterAt(px, py)) {  // a cluster marker covers what is under it
                state.hoveredSite.reset();
                state.hoveredMention.reset();
                state.hoveredFlow.reset();
            }
            // A click (press and release without a drag) selects what is under the cursor.
            if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 9.0f && state.editing.pickOnMap) {
                // Fixing a place: the click says where it is (place_fix_panel).
                state.editing.picked = state.view.screenToLonLat(px, py);
                state.editing.pickOnMap = false;
                changed = true;
            } else if (const render::MarkerCluster* cluster = renderer.clusterAt(px, py);
                       cluster && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 9.0f) {
                // A cluster marker: zoom in to its places (at least a few degrees: places at one city stay clustered).
                GeoBounds b = cluster->bounds;
                const double padLon = std::max(1.0, (b.east - b.west) * 0.3), padLat = std::max(0.7, (b.north - b.south) * 0.3);
                flyTo(state, {b.west - padLon, std::max(-85.0, b.south - padLat), b.east + padLon, std::min(85.0, b.north + padLat)});
                traceAction(trace, state, briefing, "cluster_zoom",
                            ",\"places\":" + std::to_string(cluster->sites.size()) + ",\"cluster_events\":" + std::to_string(cluster->events));
                changed = true;
            } else if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 9.0f) {
                state.steppedEvents.clear();
                if (state.hoveredSite) state.selection = {Selection::Kind::Site, *state.hoveredSite};
                else if (state.hoveredMention) state.selection = {Selection::Kind::Mention, *state.hoveredMention};
                else if (state.hoveredFlow) state.selection = {Selection::Kind::Flow, *state.hoveredFlow};
                else state.selection = {};
                if (state.selection.kind == Selection::Kind::Mention)
                    traceAction(trace, state, briefing, "select",
                                ",\"mention\":\"" + mentions.places[state.selection.index].name + "\"");
                else if (state.selection.kind == Selection::Kind::Site)
                    traceAction(trace, state, briefing, "select", ",\"site\":\"" + scene->sites()[state.selection.index].label + "\"");
                changed = true;
            }
        }
    }
    // Keys come from our own GLFW callback's queue: ImGui 1.86 samples key state once per frame, so a
    // press and release between two frames (a quick tap, or xdotool) would be lost.
    // A question on screen (unsaved changes, recovery) takes the keys until it is answered.
    const bool prompting = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    for (const auto& [key, mods] : g_pressedKeys) {
        if (prompting) break;
        const bool ctrl = (mods & GLFW_MOD_CONTROL) != 0, shift = (mods & GLFW_MOD_SHIFT) != 0;
        // Typing in a field the keys are text, but Save, Quit, Search and Add articles still work
        // (Ctrl+Z there is the field's own undo).
        if (io.WantTextInput && !(ctrl && (key == GLFW_KEY_S || key == GLFW_KEY_Q || key == GLFW_KEY_F || key == GLFW_KEY_O)))
            continue;
        const auto act = [&](const char* action) { traceAction(trace, state, briefing, action); };
        switch (key) {
        case GLFW_KEY_H:
            state.showPanels = !state.showPanels;
            act("panels");
            break;
        case GLFW_KEY_L:
            state.style.legendCollapsed = !state.style.legendCollapsed;
            act("legend");
            break;
        case GLFW_KEY_F11:
            state.fullscreenToggleRequested = true;
            act("fullscreen");
            break;
        case GLFW_KEY_SPACE:
            if (!state.playing && state.day >= state.range.last + 1) state.day = state.range.first;
            state.playing = !state.playing;
            act(state.playing ? "play" : "pause");
            break;
        case GLFW_KEY_RIGHT:
            leaveTour(state);
            stepToEvent(state, briefing, true);
            act("next");
            break;
        case GLFW_KEY_LEFT:
            leaveTour(state);
            stepToEvent(state, briefing, false);
            act("prev");
            break;
        case GLFW_KEY_PAGE_DOWN:
        case GLFW_KEY_PAGE_UP:
            if (state.tour.tour && !state.tour.tour->steps.empty()) {
                const int last = static_cast<int>(state.tour.tour->steps.size()) - 1;
                const int next = key == GLFW_KEY_PAGE_DOWN ? std::min(state.tour.step + 1, last) : std::max(state.tour.step - 1, 0);
                goToTourStep(state, static_cast<size_t>(next));
                traceAction(trace, state, briefing, "tour_step",
                            ",\"step\":" + std::to_string(next) + ",\"caption\":" + nlohmann::json(state.style.caption).dump());
            }
            break;
        case GLFW_KEY_UP:
            changeSpeed(state, +1);
            act("faster");
            break;
        case GLFW_KEY_DOWN:
            changeSpeed(state, -1);
            act("slower");
            break;
        case GLFW_KEY_HOME:
            leaveTour(state);
            jumpToDay(state, state.range.first);
            act("home");
            break;
        case GLFW_KEY_END:
            leaveTour(state);
            jumpToDay(state, state.range.last + 1);
            act("end");
            break;
        case GLFW_KEY_S:
            if (ctrl) state.editing.saveRequested = true;
            break;
        case GLFW_KEY_F12:
            state.screenshotRequested = true;
            break;
        case GLFW_KEY_Z:
            if (ctrl) (shift ? state.editing.redoRequested : state.editing.undoRequested) = true;
            break;
        case GLFW_KEY_Y:
            if (ctrl) state.editing.redoRequested = true;
            break;
        case GLFW_KEY_A:
        case GLFW_KEY_R:
        case GLFW_KEY_N:
        case GLFW_KEY_P:
        case GLFW_KEY_E:
        case GLFW_KEY_F:
            if (!ctrl) state.editing.reviewKey = static_cast<char>('a' + (key - GLFW_KEY_A));
            else if (key == GLFW_KEY_F) state.editing.searchRequested = true;
            else if (key == GLFW_KEY_E) state.video.requested = true;
            break;
        case GLFW_KEY_ESCAPE:
            state.editing.pickOnMap = false;
            if (state.editing.annotating.measured || state.editing.annotating.dragFrom) {
                state.editing.annotating.measured.reset();
                state.editing.annotating.dragFrom.reset();
            } else {
                state.editing.annotating.tool = AnnotationTool::None;
            }
            ++state.editing.annotating.transientVersion;
            break;
        case GLFW_KEY_M:
            if (!ctrl) {
                AnnotationUi& a = state.editing.annotating;
                a.tool = a.tool == AnnotationTool::Ruler ? AnnotationTool::None : AnnotationTool::Ruler;
                a.dragFrom.reset();
                ++a.transientVersion;
                state.lastMessage = a.tool == AnnotationTool::Ruler ? "Measure: drag on the map (M or Esc to stop)" : "Measure off";
            }
            break;
        case GLFW_KEY_1: case GLFW_KEY_2: case GLFW_KEY_3: case GLFW_KEY_4: case GLFW_KEY_5:
        case GLFW_KEY_6: case GLFW_KEY_7: case GLFW_KEY_8: case GLFW_KEY_9:
            if (!ctrl) state.editing.viewKey = key - GLFW_KEY_1 + 1;
            break;
        case GLFW_KEY_Q:
            if (ctrl) state.quitRequested = true;
            break;
        case GLFW_KEY_O:
            if (ctrl) state.editing.add.open = true;
            break;
        default: break;
        }
        changed = true;
    }
    g_pressedKeys.clear();
    return changed;
}

// F11: the window fills its monitor (and back), keeping the map's centre.
void toggleFullscreen(GLFWwindow* window, int& savedX, int& savedY, int& savedW, int& savedH) {
    if (glfwGetWindowMonitor(window)) {
        glfwSetWindowMonitor(window, nullptr, savedX, savedY, savedW, savedH, 0);
        return;
    }
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode) return;
    glfwGetWindowPos(window, &savedX, &savedY);
    glfwGetWindowSize(window, &savedW, &savedH);
    glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

// The briefing, the articles beside it and the scene, loaded and prepared off the main thread.
struct LoadedScene {
    model::LoadedBriefing briefing;
    std::shared_ptr<const geo::Gazetteer> gazetteer;
    model::ArticleMentions mentions;
    render::MentionGeometry rings;
    std::optional<render::PreparedScene> scene;
    std::string error;
};

LoadedScene loadScene(const std::string& path, const std::vector<std::string>& articlePaths, const std::string& font,
                      const model::ImportOptions& importOptions) {
    LoadedScene out;
    model::BriefingWithArticles opened = model::loadBriefingWithArticles(path, articlePaths, importOptions);
    out.briefing = std::move(opened.loaded);
    cli::printImportReport(path, out.briefing);
    if (!out.briefing.ok()) return out;
    if (!opened.articlesError.empty()) {
        out.error = "--articles: " + opened.articlesError;
        return out;
    }
    out.mentions = std::move(opened.mentions);
    out.gazetteer = std::move(opened.gazetteer);
    out.rings.build(out.mentions);
    Result<render::PreparedScene> prepared = render::prepareScene(out.briefing.briefing, {}, font, false, &out.mentions);
    if (!prepared) out.error = prepared.error().message;
    else out.scene = std::move(*prepared);
    return out;
}

// Articles added while the window is open, read and prepared off the main thread.
struct AddedArticles {
    model::ArticleMentions mentions;
    render::MentionGeometry rings;
    std::optional<render::PreparedScene> scene;
    std::string error;
};

AddedArticles addArticlesInBackground(const model::ArticleMentions& current, std::vector<std::string> paths,
                                      const model::Briefing& briefing, std::shared_ptr<const geo::Gazetteer> gazetteer,
                                      model::EventFilter filter, bool nativeNames, const std::string& font) {
    AddedArticles out;
    Result<model::ArticleMentions> mentions = model::addArticles(current, paths, briefing, *gazetteer);
    if (!mentions) {
        out.error = mentions.error().message;
        return out;
    }
    out.mentions = std::move(*mentions);
    out.rings.build(out.mentions);
    Result<render::PreparedScene> scene = render::prepareScene(briefing, filter, font, nativeNames, &out.mentions);
    if (!scene) out.error = scene.error().message;
    else out.scene = std::move(*scene);
    return out;
}

// Owns GLFW and the window; declared before anything holding GL objects so it is destroyed last.
struct WindowGuard {
    GLFWwindow* window = nullptr;
    WindowGuard() = default;
    WindowGuard(const WindowGuard&) = delete;
    WindowGuard& operator=(const WindowGuard&) = delete;
    ~WindowGuard() {
        if (window) glfwDestroyWindow(window);
        glfwTerminate();
    }
};

// Export video: starts the background export the panel or Ctrl+E asked for, passes on a cancel, and
// copies the child's progress into the panel's state.
void runVideoExport(UiState& state, VideoExportJob& job, const AppOptions& options) {
    VideoExportUi& v = state.video;
    if (v.cancelRequested) {
        job.cancel();
        v.cancelRequested = false;
    }
    if (v.requested && !job.running()) {
        v.requested = false;
        const char* ext = v.format == 1 ? ".webm" : v.format == 2 ? ".gif" : ".mp4";
        const std::string out = timestampedName(state.screenshotDir, ext);
        const auto [w, h] = kVideoSizes[std::clamp(v.size, 0, 3)];
        const GeoBounds g = state.view.geoExtent();
        char bbox[160];
        std::snprintf(bbox, sizeof bbox, "%.6f,%.6f,%.6f,%.6f", std::remainder(g.west, 360.0), std::max(-85.0, g.south),
                      std::remainder(g.east, 360.0), std::min(85.0, g.north));
        std::string layers;
        const render::MapLayers& l = state.style.layers;
        for (const auto& [on, name] : {std::pair{l.basemap, "basemap"}, {l.places, "places"}, {l.flows, "flows"}, {l.labels, "labels"},
                                       {l.legend, "legend"}, {l.mentions, "mentions"}, {l.annotations, "annotations"}})
            if (on) layers += (layers.empty() ? "" : ",") + std::string(name);
        std::vector<std::string> args{"--video", out, "--data", options.dataPath, "--size", std::to_string(w) + "x" + std::to_string(h),
                                      "--fps", std::to_string(v.format == 2 ? std::min(v.fps, 30) : v.fps),
                                      "--theme", state.style.theme == render::ThemeName::Light ? "light" : "dark",
                                      "--projection", state.view.projection() == Projection::Equirect ? "equirect" : "mercator"};
        if (!layers.empty()) args.insert(args.end(), {"--layers", layers});
        args.insert(args.end(), {"--legend", std::string(render::legendCornerName(state.style.legendCorner))});
        if (v.playTour && state.tour.tour) {
            // The tour as on screen, edits included: saved beside the video first.
            const std::string tourFile = out.substr(0, out.size() - std::strlen(ext)) + ".tour.json";
            const std::string text = model::tourJson(*state.tour.tour);
            if (Status s = writeFileAtomically(tourFile, {reinterpret_cast<const unsigned char*>(text.data()), text.size()}); !s) {
                v.message = s.error().message;
                return;
            }
            args.insert(args.end(), {"--tour", tourFile});
        } else {
            // Typed moments are checked here, with the command line's rules and messages.
            std::string from = model::formatMoment(model::noonOf(state.range.first));
            std::string to = model::formatMoment(model::noonOf(state.range.last));
            for (const auto& [typed, moment, name] : {std::tuple{v.from, &from, "from"}, std::tuple{v.to, &to, "to"}}) {
                if (!typed[0]) continue;
                Result<model::Moment> m = model::parseMoment(typed);
                if (!m) {
                    v.message = std::string(name) + ": " + m.error().message;
                    return;
                }
                *moment = model::formatMoment(*m);
            }
            args.insert(args.end(), {"--bbox", bbox, "--from", from, "--to", to, "--duration", std::to_string(static_cast<int>(v.seconds))});
        }
        v.running = job.start(args);
        v.message = v.running ? "exporting " + out + "…" : job.message();
        state.traceAction = "video_started";
        state.traceExtra = ",\"path\":" + nlohmann::json(out).dump();
    }
    if (job.poll()) {
        v.done = job.framesDone();
        v.total = job.framesTotal();
        if (!job.running() && v.running) {
            v.running = false;
            v.message = job.message();
            state.traceAction = job.succeeded() ? "video_exported" : "video_failed";
            state.traceExtra = ",\"message\":" + nlohmann::json(v.message).dump();
        }
    }
}

// Applies part of the pending wheel zoom: exponential approach, ~95% within 0.18 s, so a flick of
// the wheel glides and consecutive notches accumulate. Returns true while zoom remains.
bool advanceZoom(UiState& state, double dt) {
    if (state.pendingZoom == 1.0) return false;
    const double remaining = std::log(state.pendingZoom);
    const double step = std::abs(remaining) < 0.002 ? remaining : remaining * (1.0 - std::exp(-dt / 0.06));
    const double before = state.view.unitsPerPixel();
    state.view.zoomAround(state.zoomAnchorX, state.zoomAnchorY, std::exp(step));
    state.pendingZoom = std::exp(remaining - step);
    // At a zoom limit nothing moves: drop what is left.
    if (state.view.unitsPerPixel() == before || std::abs(remaining - step) < 1e-9) state.pendingZoom = 1.0;
    return true;
}

// Undo, redo and save asked for by keys (the panels apply their edits themselves).
void runDocumentRequests(UiState& state, model::BriefingDocument& doc) {
    EditingUi& ed = state.editing;
    if (ed.undoRequested || ed.redoRequested) {
        const bool undo = ed.undoRequested;
        const std::string label = undo ? doc.history().undoLabel() : doc.history().redoLabel();
        const bool done = undo ? doc.undo() : doc.redo();
        ed.message = done ? (undo ? "undone: " : "redone: ") + label : (undo ? "nothing to undo" : "nothing to redo");
        ed.form.changed = false;  // the form follows the briefing
        state.lastMessage = ed.message;
        state.traceAction = undo ? "undo" : "redo";
        state.traceExtra = ",\"done\":" + std::string(done ? "true" : "false") + ",\"label\":" + nlohmann::json(label).dump();
    }
    ed.undoRequested = ed.redoRequested = false;
    if (ed.saveRequested) {
        ed.saveRequested = false;
        Status s = doc.save();
        ed.message = state.lastMessage = s ? "saved " + doc.savePath() : "not saved: " + s.error().message;
        state.traceAction = s ? "saved" : "save_failed";
        state.traceExtra = ",\"path\":" + nlohmann::json(doc.savePath()).dump();
    }
}

// The slider spans the whole store, not only the part read from it.
model::TimeRange sliderRange(const model::LoadedBriefing& loaded, const model::Briefing& briefing) {
    model::TimeRange range = model::timeRangeOf(briefing);
    if (loaded.store && loaded.store->firstDay) {
        range.first = std::min(range.first, *loaded.store->firstDay);
        range.last = std::max(range.last, *loaded.store->lastDay);
    }
    return range;
}

// Where the slider starts: the last event's date; for a store read in part, the store's last day
// (the events read so far may stop earlier).
model::DayNumber openingDay(const model::LoadedBriefing& loaded, const model::Briefing& briefing) {
    if (loaded.store && loaded.store->lastDay) return std::max(model::closingDay(briefing), *loaded.store->lastDay);
    return model::closingDay(briefing);
}

// The store's write-through: every change is written as soon as it is made. A change to an event
// someone else changed meanwhile is refused by the store and undone here (their edit stands); a
// failure to reach the store keeps the change, unsaved, until Ctrl+S retries.
void writeToStore(UiState& state, model::BriefingDocument& doc, store::StoreSession& session, bool& failed) {
    const std::string label = doc.history().undoLabel();
    Status s = doc.save();
    if (s) {
        state.editing.message = state.lastMessage = "written to " + session.shown();
        state.traceAction = "store_written";
        state.traceExtra = ",\"label\":" + nlohmann::json(label).dump();
        return;
    }
    if (session.conflict()) {
        // Ours is undone and theirs shown (as an edit of its own, so the history stays honest).
        doc.undo();
        std::string shown;
        if (auto theirs = session.theirs()) {
            std::vector<std::unique_ptr<model::Edit>> edits;
            for (const auto& [id, body] : *theirs) {
                const bool here = doc.briefing().findEvent(id) != model::kNone;
                if (!body) {
                    if (here) edits.push_back(model::removeEvent(id));
                    continue;
                }
                model::PortableEvent event;
                const nlohmann::ordered_json json = nlohmann::ordered_json::parse(*body, nullptr, false);
                if (!doc.checkEvent(json, event).empty()) continue;  // names a place or article not read here
                edits.push_back(here ? model::replaceEvent(id, std::move(event)) : model::addEvent(std::move(event)));
                shown += (shown.empty() ? "" : ", ") + id;
            }
            if (!edits.empty()) doc.apply(model::editGroup("Their version from the store", std::move(edits)));
        }
        doc.markSaved();
        state.editing.message = state.lastMessage = "not written, " + s.error().message + ": your edit was undone" +
                                                    (shown.empty() ? "" : "; the store's version is shown");
        state.traceAction = "store_conflict";
    } else {
        failed = true;
        state.editing.message = state.lastMessage = "not written to the store: " + s.error().message + " (Ctrl+S tries again)";
        state.traceAction = "store_write_failed";
    }
    state.traceExtra = ",\"error\":" + nlohmann::json(s.error().message).dump();
    if (session.conflict())
        if (const uint32_t e = doc.briefing().findEvent(label.substr(label.rfind(' ') + 1)); e != model::kNone)
            state.traceExtra += ",\"summary_now\":" + nlohmann::json(doc.briefing().events[e].summary).dump();
}

// Add articles: starts the drafting the dialog or a drop asked for (reading and drafting, the slow
// part, off the main thread), and turns its result into one undoable edit on the briefing as it is
// then (the analyst may have edited meanwhile).
void runArticleDrafting(UiState& state, model::BriefingDocument& doc, const geo::Geocoder& geocoder,
                        std::future<draft::PreparedArticles>& drafting) {
    AddArticlesUi& add = state.editing.add;
    if (add.requested && !add.running) {
        add.requested = false;
        add.errors.clear();
        add.message.clear();
        std::vector<std::string> files;
        std::string line;
        for (const char* c = add.paths;; ++c) {
            if (*c == '\n' || *c == '\0') {
                const size_t a = line.find_first_not_of(" \t\r"), b = line.find_last_not_of(" \t\r");
                if (a != std::string::npos) files.push_back(line.substr(a, b - a + 1));
                line.clear();
                if (*c == '\0') break;
            } else {
                line += *c;
            }
        }
        std::optional<model::PartialDate> published;
        if (add.published[0]) {
            Result<model::PartialDate> d = model::parsePartialDate(add.published);
            if (!d) add.errors.push_back("published: " + d.error().message);
            else published = *d;
        }
        if (files.empty() || !add.errors.empty()) {
            add.open = true;
            return;
        }
        const std::filesystem::path folder = std::filesystem::path(doc.savePath()).parent_path();
        drafting = std::async(std::launch::async, [files, published, folder, &geocoder] {
            return draft::prepareArticles(files, published, folder, true, geocoder);
        });
        add.running = true;
        add.count = files.size();
        state.traceAction = "drafting";
        state.traceExtra = ",\"articles\":" + std::to_string(files.size());
    }
    if (!add.running || drafting.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    add.running = false;
    draft::PreparedArticles prepared = drafting.get();
    add.errors = prepared.errors;
    if (add.errors.empty())
        if (Status s = draft::writeArticleTexts(prepared); !s) add.errors.push_back(s.error().message);
    if (!add.errors.empty()) {
        add.open = true;  // the paths stay for another try (with a date, say)
        state.traceAction = "drafting_failed";
        state.traceExtra = ",\"error\":" + nlohmann::json(add.errors.front()).dump();
        return;
    }
    draft::DraftResult result = draft::draftEdits(doc.briefing(), prepared.inputs, geocoder);
    doc.apply(std::move(result.edit));
    add.message = std::to_string(result.newEventIds.size()) + " new draft event(s), " + std::to_string(result.extendedEventIds.size()) +
                  " event(s) with new sources, from " + std::to_string(prepared.inputs.size()) + " article(s)";
    add.paths[0] = add.published[0] = '\0';
    add.open = false;  // the drafts are in the Review panel now
    state.lastMessage = state.editing.message = add.message;
    state.editing.reviewOpen = true;
    state.traceAction = "articles_drafted";
    state.traceExtra = ",\"new_events\":" + std::to_string(result.newEventIds.size()) +
                       ",\"extended_events\":" + std::to_string(result.extendedEventIds.size());
}

// A flow dragged from one place to another: a new event, sourced to the sentence picked in the article
// reader (every event rests on a sentence), drafted from it where the drafter reads an event there,
// with the dragged ends as its flow; opened in the editor to finish.
void addDraggedFlow(UiState& state, model::BriefingDocument& doc, const geo::Geocoder& geocoder, const render::SceneGeometry& scene) {
    const auto [fromSite, toSite] = *state.editing.flowDropped;
    state.editing.flowDropped.reset();
    const model::Briefing& b = doc.briefing();
    const ReaderSelection& sel = state.readerSelection;
    if (fromSite >= scene.sites().size() || toSite >= scene.sites().size()) return;
    if (sel.article < 0 || static_cast<size_t>(sel.article) >= b.articles.size() || sel.end <= sel.start) {
        state.editing.message = state.lastMessage =
            "a new flow needs its source: click the sentence that reports it in the article reader first";
        state.traceAction = "flow_refused";
        return;
    }
    const auto article = static_cast<uint32_t>(sel.article);
    // The place the marker is labelled with (a country named only as such shares its capital's marker).
    const auto siteName = [&](uint32_t site) {
        const render::SceneSite& s = scene.sites()[site];
        return b.findPlace(s.label) != model::kNone ? s.label : b.places[s.places.front()].name;
    };
    const std::string from = siteName(fromSite), to = siteName(toSite);
    model::PortableEvent pe;
    if (std::optional<model::PortableEvent> drafted = draft::draftEventFromSpan(b, article, {sel.start, sel.end}, geocoder)) {
        pe = std::move(*drafted);
    } else {
        // Nothing the drafter recognises: a bare draft the analyst completes in the editor.
        pe.event.kind = model::EventKind::Statement;
        pe.event.start = pe.event.end = b.articles[article].published;
        pe.event.startDay = pe.event.start.firstDay();
        pe.event.endDay = pe.event.end.lastDay();
        pe.event.review = model::ReviewState::Draft;
        pe.articleIds = {b.articles[article].id};
        model::Source s;
        s.article = 0;
        s.start = sel.start;
        s.end = sel.end;
        s.quote = b.articles[article].text.substr(sel.start, sel.end - sel.start);
        pe.event.sources = {s};
        pe.event.id = "flow-" + b.articles[article].id + "-" + std::to_string(sel.start);
        while (b.findEvent(pe.event.id) != model::kNone) pe.event.id += "-2";
    }
    const auto placeOf = [&](const std::string& name) {
        auto it = std::find(pe.placeNames.begin(), pe.placeNames.end(), name);
        if (it != pe.placeNames.end()) return static_cast<uint32_t>(it - pe.placeNames.begin());
        pe.placeNames.push_back(name);
        return static_cast<uint32_t>(pe.placeNames.size() - 1);
    };
    model::Flow flow = pe.event.flow.value_or(model::Flow{});
    flow.from = placeOf(from);
    flow.to = placeOf(to);
    flow.via.clear();
    pe.event.flow = flow;
    pe.event.summary = std::string(model::cargoLabel(flow.cargo)) + ": " + from + " → " + to;
    const std::string id = pe.event.id;
    doc.apply(model::addEvent(std::move(pe)));
    const uint32_t e = doc.briefing().findEvent(id);
    state.selection = {Selection::Kind::Event, e};
    state.steppedEvents = {e};
    openEventEditor(state, doc.briefing(), e);
    state.editing.message = "new flow " + from + " → " + to + ": set its kind, cargo and date in the editor";
    state.traceAction = "flow_added";
    state.traceExtra = ",\"event\":" + nlohmann::json(id).dump() + ",\"from\":" + nlohmann::json(from).dump() +
                       ",\"to\":" + nlohmann::json(to).dump();
}

// "• Title — file.json": the dot while there are unsaved changes.
std::string windowTitle(const model::BriefingDocument& doc) {
    if (!doc.isOpen()) return "briefmap";
    // A store is named by its address (the password never shows), a file by its name.
    std::string file = std::filesystem::path(doc.savePath()).filename().string();
    if (store::isStoreAddress(doc.savePath()))
        if (Result<store::StoreAddress> a = store::parseStoreAddress(doc.savePath())) file = a->shown;
    const std::string& title = doc.briefing().title;
    return (doc.dirty() ? "• " : "") + (title.empty() ? file : title + " — " + file) + " — briefmap";
}

}  // namespace

int runApp(const AppOptions& options) {
    // Geodata is read and prepared (geometry, labels) on a worker thread while this one opens the
    // window and warms the GL pipeline.
    const std::string font = render::GlyphAtlas::defaultFontPath();
    std::future<Result<render::PreparedMap>> loading =
        std::async(std::launch::async, render::loadPreparedMap, options.geodataDir, font);
    // The briefing starts loading after the first frame: on two cores it would slow the geodata
    // worker and the first frame by ~150 ms; shown a few frames later instead.
    std::future<LoadedScene> sceneLoading;
    if (!glfwInit()) {
        std::fprintf(stderr, "briefmap: cannot open a window (no display?); use `briefmap export` headless\n");
        return cli::kExitFailure;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_STENCIL_BITS, 8);
    WindowGuard guard;
    GLFWwindow* window = guard.window = glfwCreateWindow(options.width, options.height, "briefmap", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "briefmap: cannot create an OpenGL 3.3 window\n");
        return cli::kExitFailure;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    render::MapRenderer renderer;
    // Warm the GL pipeline while geodata is still loading; a failure resurfaces in init below.
    if (render::loadGlFunctions(glfwProc)) renderer.prepare(font);
    Result<render::PreparedMap> prepared = loading.get();
    if (!prepared) {
        std::fprintf(stderr, "briefmap: %s\n", prepared.error().message.c_str());
        return cli::kExitFailure;
    }
    // The briefing (gazetteer, geocoding, its glyphs) keeps loading while the first frames show the
    // base map; it is attached the moment it is ready.
    LoadedScene loadedScene;
    bool sceneReady = false;
    static const model::Briefing kNoBriefing;
    int exitCode = cli::kExitOk;
    {
        if (!render::loadGlFunctions(glfwProc)) {
            std::fprintf(stderr, "briefmap: cannot load OpenGL 3.3 functions\n");
            return cli::kExitFailure;
        }
        if (Status s = renderer.init(std::move(prepared.value())); !s) {
            std::fprintf(stderr, "briefmap: %s\n", s.error().message.c_str());
            return cli::kExitFailure;
        }
        renderer.setBasemapCache(true);
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;  // no hidden state between runs: same start, same pixels
        applyPanelTheme(render::ThemeName::Dark);
        // The panels quote articles: Latin, Cyrillic and typographic punctuation (curly quotes, dashes,
        // arrows); Hangul is added once the articles are loaded. ImGui's built-in font has ASCII only.
        loadPanelFonts({}, false);
        g_pressedKeys.reserve(64);
        glfwSetKeyCallback(window, onKey);  // installed first: ImGui's backend chains to it
        glfwSetDropCallback(window, onDrop);
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");

        int fbWidth = 0, fbHeight = 0, startWidth = 0;
        glfwGetFramebufferSize(window, &fbWidth, &fbHeight);
        glfwGetWindowSize(window, &startWidth, nullptr);
        UiState state;
        state.style.interactive = true;  // the legend may say what a click does
        state.style.theme = options.theme;
        state.style.clusterMarkers = options.clusterMarkers;
        state.style.sizeByQuantity = options.sizeByQuantity;
        state.windowDays = options.windowDays;
        const MapLayoutSize startLayout = mapLayoutSize(window, options.mapScale, fbWidth, fbHeight, startWidth);
        state.view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, startLayout.width, startLayout.height)
                         .withFramebuffer(fbWidth, fbHeight);
        int savedX = 0, savedY = 0, savedW = options.width, savedH = options.height;

        std::future<AddedArticles> articlesLoading;
        std::future<draft::PreparedArticles> drafting;  // Add articles: read and drafted off the main thread
        VideoExportJob videoJob;
        // The tour beside the briefing (or --tour): stepped with Page Down/Up, edited in its panel.
        state.tour.path = options.tourPath.empty() ? model::tourPathFor(options.dataPath) : options.tourPath;
        if (std::filesystem::exists(state.tour.path)) {
            model::LoadedTour loadedTour = model::loadTourFile(state.tour.path);
            if (loadedTour.ok()) state.tour.tour = std::move(loadedTour.tour);
            else state.tour.message = loadedTour.problems.front().text();
        }
        std::future<LoadedScene> importLoading;  // a data file opened from the import dialog
        if (!options.importPath.empty()) openImportDialog(state, options.importPath);
        std::vector<uint8_t> screenshotPixels;
        std::vector<float> frameTimes;  // for --timing; reserved so the loop does not allocate
        frameTimes.reserve(1 << 16);
        int frame = 0;
        bool needsFrame = true;
        // The briefing being edited; the geocoder resolves places that edits name.
        model::BriefingDocument document;
        std::optional<geo::Geocoder> geocoder;
        uint64_t sceneRevision = 0, recoveryRevision = 0;
        uint64_t previewShown = 0;  // the annotation tool's preview the renderer has
        auto lastRecoveryCheck = std::chrono::steady_clock::now();
        // The selection by id across a change of the briefing (see the document section of the loop).
        std::string selectedEvent;
        std::vector<std::string> steppedIds;
        std::vector<uint32_t> steppedBefore;
        uint64_t titleRevision = 0;
        bool titleDirty = false, titleShown = false;
        // Opens what was loaded as the document (the briefing moves into it) and offers a recovery
        // file an earlier session left (interactive sessions only: scripted runs show no prompts).
        // A briefing opened from the event store (--data PG:…) writes every change back as it is made.
        std::optional<store::StoreSession> storeSession;
        bool storeWriteFailed = false;
        std::future<LoadedScene> storeReading;  // the store read again for the area in view
        GeoBounds lastExtent{};
        auto lastViewChange = std::chrono::steady_clock::now();
        const auto openDocument = [&](LoadedScene& scene, const std::string& path) {
            geocoder.emplace(*scene.gazetteer);
            document.open(std::move(scene.briefing.briefing), path, !scene.briefing.imported(), *geocoder, options.importOptions);
            storeSession.reset();
            storeWriteFailed = false;
            if (scene.briefing.store) {
                Result<store::StoreSession> session = store::StoreSession::open(path, *scene.briefing.store);
                document.setReadPath(scene.briefing.store->readPath);
                if (session) {
                    storeSession.emplace(std::move(*session));
                    document.setSaver([&storeSession](const model::Briefing& b, const model::Touched& changed) {
                        return storeSession->write(b, changed);
                    });
                } else {
                    state.lastMessage = "read only: " + session.error().message;
                }
            }
            sceneRevision = recoveryRevision = document.revision();
            state.editing = {};
            if (options.frames == 0)
                if (std::optional<model::BriefingDocument::Recovery> r = document.findRecovery()) {
                    state.editing.recoveryPrompt = true;
                    state.editing.recoveryNote = "An earlier session was closed with unsaved edits (last kept " + r->written + ")." +
                                                 (r->fileChanged ? " The file has changed on disk since; recovering replaces those changes." : "");
                }
        };
        while (!glfwWindowShouldClose(window)) {
            if (!sceneReady && frame >= 1 && !sceneLoading.valid())
                sceneLoading = std::async(std::launch::async, loadScene, options.dataPath, options.articlePaths, font,
                                          storeQuery(options.importOptions, options.dataPath, {}));
            if (!sceneReady && sceneLoading.valid() &&
                sceneLoading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                loadedScene = sceneLoading.get();
                if (!loadedScene.briefing.ok() || !loadedScene.scene) {
                    if (!loadedScene.briefing.ok()) cli::printProblems(loadedScene.briefing.problems);
                    else std::fprintf(stderr, "briefmap: %s\n", loadedScene.error.c_str());
                    exitCode = cli::kExitFailure;
                    break;
                }
                if (Status s = renderer.setScene(std::move(*loadedScene.scene)); !s) {
                    std::fprintf(stderr, "briefmap: %s\n", s.error().message.c_str());
                    exitCode = cli::kExitFailure;
                    break;
                }
                if (Status s = renderer.setMentions(loadedScene.rings); !s) {
                    std::fprintf(stderr, "briefmap: %s\n", s.error().message.c_str());
                    exitCode = cli::kExitFailure;
                    break;
                }
                {
                    std::vector<std::string_view> texts;
                    for (const model::Article& a : loadedScene.briefing.briefing.articles) texts.push_back(a.text);
                    for (const model::MentionArticle& a : loadedScene.mentions.articles) texts.push_back(a.text);
                    loadPanelFonts(texts, true);
                }
                openDocument(loadedScene, options.dataPath);
                state.range = sliderRange(loadedScene.briefing, document.briefing());
                state.day = options.day ? *options.day + 0.5 : openingDay(loadedScene.briefing, document.briefing()) + 0.5;
                state.view = MapView::fitBounds(state.view.projection(), model::openingFrame(document.briefing(), kDefaultBriefingBounds),
                                                state.view.width(), state.view.height());
                sceneReady = true;
                needsFrame = true;
                traceAction(options.trace, state, document.briefing(), "ready");
            }
            const model::Briefing& briefing = sceneReady ? document.briefing() : kNoBriefing;
            for (std::string& p : g_droppedPaths) {
                if (model::isDataFile(p)) {
                    openImportDialog(state, p);  // data opens through the dialog
                } else {
                    // Articles are drafted at once; one without a date waits in the dialog for one.
                    AddArticlesUi& add = state.editing.add;
                    std::string paths = add.running ? std::string() : std::string(add.paths);
                    if (!paths.empty() && paths.back() != '\n') paths += '\n';
                    paths += p;
                    std::snprintf(add.paths, sizeof add.paths, "%s", paths.c_str());
                    add.requested = true;
                }
            }
            g_droppedPaths.clear();
            if (sceneReady && state.importDialog.requested && !importLoading.valid()) {
                state.importDialog.requested = false;
                model::ImportOptions importOptions = options.importOptions;
                importOptions.columns = state.importDialog.mapping;
                importLoading = std::async(std::launch::async, loadScene, state.importDialog.path, std::vector<std::string>{}, font,
                                           importOptions);
                state.lastMessage = "importing " + state.importDialog.path + "…";
            }
            if (importLoading.valid() && importLoading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                LoadedScene opened = importLoading.get();
                if (!opened.briefing.ok() || !opened.scene) {
                    state.importDialog.error = !opened.briefing.ok() ? opened.briefing.problems.front().text() : opened.error;
                    state.importDialog.open = true;
                    state.lastMessage = "import failed";
                } else {
                    (void)renderer.setScene(std::move(*opened.scene));
                    (void)renderer.setMentions(opened.rings);
                    loadedScene = std::move(opened);
                    openDocument(loadedScene, state.importDialog.path);
                    state.selection = {};
                    state.filter = {};
                    state.range = model::timeRangeOf(document.briefing());
                    state.day = openingDay(loadedScene.briefing, document.briefing()) + 0.5;
                    state.view = MapView::fitBounds(state.view.projection(), model::openingFrame(document.briefing(), kDefaultBriefingBounds),
                                                    state.view.width(), state.view.height());
                    state.lastMessage = loadedScene.briefing.report.summary();
                    state.importDialog.open = false;
                    traceAction(options.trace, state, document.briefing(), "imported",
                                ",\"imported_events\":" + std::to_string(document.briefing().events.size()));
                }
                needsFrame = true;
            }
            // A store too large to read whole is read for the area in view and a year around the
            // slider: again when the view settles (0.6 s) outside what was read, or the slider leaves
            // that year; only while nothing is being edited.
            if (sceneReady && storeSession && loadedScene.briefing.store && !storeReading.valid()) {
                const GeoBounds extent = state.view.geoExtent();
                if (!(extent == lastExtent)) {
                    lastExtent = extent;
                    lastViewChange = std::chrono::steady_clock::now();
                } else if (std::chrono::steady_clock::now() - lastViewChange > std::chrono::milliseconds(600) && !document.dirty() &&
                           !state.editing.editorOpen) {
                    if (std::optional<StoreRead> next = storeReadFor(*loadedScene.briefing.store, state.view, state.day)) {
                        storeReading = std::async(std::launch::async, loadScene, options.dataPath, std::vector<std::string>{}, font,
                                                  storeQuery(options.importOptions, options.dataPath, *next));
                        state.lastMessage = "reading the store for the area and time in view…";
                    }
                }
            }
            if (storeReading.valid() && storeReading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                LoadedScene opened = storeReading.get();
                if (!opened.briefing.ok() || !opened.scene) {
                    state.lastMessage = "cannot read the store: " + (!opened.briefing.ok() ? opened.briefing.problems.front().text() : opened.error);
                    storeSession.reset();  // stays read-only rather than write against a briefing it could not read
                } else if (!document.dirty()) {
                    (void)renderer.setScene(std::move(*opened.scene));
                    (void)renderer.setMentions(opened.rings);
                    loadedScene = std::move(opened);
                    openDocument(loadedScene, options.dataPath);  // the view and the time stay where they are
                    state.selection = {};
                    state.range = sliderRange(loadedScene.briefing, document.briefing());
                    state.lastMessage = loadedScene.briefing.report.notes.empty() ? "" : loadedScene.briefing.report.notes.back();
                    traceAction(options.trace, state, document.briefing(), "store_area_read",
                                ",\"read_events\":" + std::to_string(document.briefing().events.size()));
                }
                needsFrame = true;
            }
            if (sceneReady && !state.articlesToAdd.empty() && !articlesLoading.valid()) {
                articlesLoading = std::async(std::launch::async, addArticlesInBackground, std::cref(loadedScene.mentions),
                                             std::move(state.articlesToAdd), std::cref(briefing), loadedScene.gazetteer,
                                             state.filter, state.nativeNames, font);
                state.articlesToAdd.clear();
                state.addingArticles = true;
            }
            if (articlesLoading.valid() && articlesLoading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                AddedArticles added = articlesLoading.get();
                state.addingArticles = false;
                if (!added.error.empty()) {
                    state.lastMessage = "cannot add: " + added.error;
                    traceAction(options.trace, state, briefing, "articles_error", ",\"error\":" + nlohmann::json(added.error).dump());
                } else {
                    loadedScene.mentions = std::move(added.mentions);
                    (void)renderer.setMentions(std::move(added.rings));
                    (void)renderer.setScene(std::move(*added.scene));
                    if (state.selection.kind == Selection::Kind::Mention) state.selection = {};
                    std::vector<std::string_view> texts;
                    for (const model::MentionArticle& a : loadedScene.mentions.articles) texts.push_back(a.text);
                    loadPanelFonts(texts, true);
                    state.lastMessage = std::to_string(loadedScene.mentions.articles.size()) + " articles name " +
                                        std::to_string(loadedScene.mentions.places.size()) + " places";
                    traceAction(options.trace, state, briefing, "articles_added",
                                ",\"articles\":" + std::to_string(loadedScene.mentions.articles.size()) +
                                    ",\"places\":" + std::to_string(loadedScene.mentions.places.size()));
                }
                needsFrame = true;
            }
            // Sleep until input arrives unless a frame is pending (ImGui settles over a couple of frames).
            if (options.frames > 0 || needsFrame) {
                glfwPollEvents();
            } else {
                // Idle: prepare the base-map cache for this view so the next pan is a blit; when that
                // replaced a scaled preview (after a zoom), show the crisp frame.
                if (renderer.warmCache(state.view, state.style)) needsFrame = true;
                else glfwWaitEventsTimeout(sceneReady ? 0.25 : 0.02);  // poll for the briefing while it loads
            }
            const auto frameStart = std::chrono::steady_clock::now();
            int winWidth = 0, winHeight = 0;
            glfwGetFramebufferSize(window, &fbWidth, &fbHeight);
            glfwGetWindowSize(window, &winWidth, &winHeight);
            if (fbWidth <= 0 || fbHeight <= 0) continue;  // minimised
            const MapLayoutSize layout = mapLayoutSize(window, options.mapScale, fbWidth, fbHeight, winWidth);
            if (layout.width != state.view.width() || layout.height != state.view.height()) state.view.resize(layout.width, layout.height);
            state.view = state.view.withFramebuffer(fbWidth, fbHeight);
            // Window coordinates (ImGui's, the mouse's) → the map's layout pixels.
            const double pixelRatio = winWidth > 0 ? double(layout.width) / winWidth : 1.0;

            applyPanelTheme(state.style.theme);  // the panels follow the map's theme
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            const double dt = std::clamp(double(ImGui::GetIO().DeltaTime), 1.0 / 240, 0.1);
            bool moved = handleMapInput(state, pixelRatio, briefing, renderer.scene(), renderer.mentions(),
                                        loadedScene.mentions, options.trace, renderer);
            moved |= advanceZoom(state, dt);
            const bool animating = advanceTime(state, dt);
            state.panelRects.clear();
            if (state.showPanels && sceneReady) {
                drawTimelinePanel(state, briefing);
                drawMapControlsPanel(state);
                drawTourPanel(state);
                drawFiltersPanel(state, briefing);
                if (state.selection.kind != Selection::Kind::None && renderer.scene())
                    drawDetailsPanel(state, briefing, *renderer.scene(), loadedScene.mentions, renderer.mentions());
                drawArticlePanel(state, briefing, loadedScene.mentions, &document, geocoder ? &*geocoder : nullptr);
            }
            if (sceneReady) {
                // The authoring side: review, the editor, place fixing, then the keys' undo/redo/save.
                // The same selection, by id, before and after the briefing changes under it.
                // (Buffers kept across frames: assigning reuses their capacity, nothing allocated per frame.)
                selectedEvent.clear();
                if (state.selection.kind == Selection::Kind::Event && state.selection.index < briefing.events.size())
                    selectedEvent.assign(briefing.events[state.selection.index].id);
                steppedIds.resize(state.steppedEvents.size());
                for (size_t i = 0; i < state.steppedEvents.size(); ++i)
                    steppedIds[i].assign(state.steppedEvents[i] < briefing.events.size() ? briefing.events[state.steppedEvents[i]].id : "");
                // A panel that changes the briefing and then selects (review: on to the next draft)
                // selects in the changed briefing already: such a selection is kept as it is.
                const Selection selectionBefore = state.selection;
                steppedBefore.assign(state.steppedEvents.begin(), state.steppedEvents.end());
                if (state.editing.reviewKey == 'e' || state.editing.reviewKey == 'f') {
                    // E edits the selected event; F fixes the location of the selected place (or
                    // of the selected event's first place).
                    const char key = state.editing.reviewKey;
                    state.editing.reviewKey = 0;
                    const render::SceneGeometry* sceneGeometry = renderer.scene();
                    if (key == 'e' && state.selection.kind == Selection::Kind::Event && state.selection.index < briefing.events.size()) {
                        openEventEditor(state, briefing, state.selection.index);
                    } else if (key == 'f') {
                        std::string place;
                        if (state.selection.kind == Selection::Kind::Site && sceneGeometry &&
                            state.selection.index < sceneGeometry->sites().size())
                            place = briefing.places[sceneGeometry->sites()[state.selection.index].places.front()].name;
                        else if (state.selection.kind == Selection::Kind::Event && state.selection.index < briefing.events.size()) {
                            const model::Event& e = briefing.events[state.selection.index];
                            const uint32_t p = !e.places.empty() ? e.places.front() : e.flow ? e.flow->to : model::kNone;
                            if (p != model::kNone) place = briefing.places[p].name;
                        }
                        state.editing.fixPlace = place;
                    }
                }
                drawViewsPanel(state, document);
                drawAnnotationsPanel(state, document);
                drawSearchPanel(state, document, renderer.scene());
                if (state.showPanels) {
                    drawReviewPanel(state, document);
                    drawEventEditor(state, document, *geocoder);
                } else {
                    state.editing.reviewKey = 0;
                }
                drawPlaceFixer(state, document, *geocoder);
                if (state.editing.flowDropped && renderer.scene()) addDraggedFlow(state, document, *geocoder, *renderer.scene());
                if (state.editing.saveRequested) storeWriteFailed = false;  // Ctrl+S retries a failed write
                runDocumentRequests(state, document);
                if (drawDocumentPrompts(state, document)) state.quitRequested = state.closeConfirmed = true;
                // Written on the frame after the change, so that the change's own trace line comes first.
                if (storeSession && document.dirty() && !storeWriteFailed && state.traceAction.empty()) writeToStore(state, document, *storeSession, storeWriteFailed);
                if (document.revision() != sceneRevision) {
                    // Rebuilt now so this frame already shows the change (the seed: ~10 ms).
                    sceneRevision = document.revision();
                    if (Result<render::PreparedScene> scene =
                            render::prepareScene(briefing, state.filter, font, state.nativeNames, &loadedScene.mentions))
                        (void)renderer.setScene(std::move(*scene));
                    state.range = sliderRange(loadedScene.briefing, briefing);
                    ++state.filterVersion;  // the timeline's and panels' caches key on it
                    const uint32_t again = selectedEvent.empty() ? model::kNone : briefing.findEvent(selectedEvent);
                    const bool chosenAfterEdit = !(state.selection == selectionBefore) || state.steppedEvents != steppedBefore;
                    if (!chosenAfterEdit) {
                        state.steppedEvents.clear();
                        for (const std::string& id : steppedIds) {
                            const uint32_t e = id.empty() ? model::kNone : briefing.findEvent(id);
                            if (e != model::kNone) state.steppedEvents.push_back(e);
                        }
                        if (again != model::kNone) {
                            state.selection.index = again;
                        } else if (state.selection.kind == Selection::Kind::Event || state.selection.kind == Selection::Kind::Site ||
                                   state.selection.kind == Selection::Kind::Flow) {
                            state.selection = {};
                            state.steppedEvents.clear();
                        }
                    }
                    needsFrame = true;
                }
                drawImportDialog(state);
                drawAddArticlesDialog(state);
                runArticleDrafting(state, document, *geocoder, drafting);
            }
            if (renderer.scene() && !ImGui::GetIO().WantCaptureMouse)
                drawMapTooltip(state, briefing, *renderer.scene(), loadedScene.mentions);
            drawToast(state, glfwGetTime());
            if (sceneReady) runVideoExport(state, videoJob, options);
            if (!state.traceAction.empty()) {
                traceAction(options.trace, state, briefing, state.traceAction.c_str(), state.traceExtra);
                state.traceAction.clear();
            }
            ImGui::Render();
            for (render::ScreenBox& r : state.panelRects) {  // window → framebuffer pixels
                const auto k = static_cast<float>(pixelRatio);
                r = {r.x0 * k, r.y0 * k, r.x1 * k, r.y1 * k};
            }
            if (state.filterChanged) {
                // Same places and labels; markers and flows are rebuilt for the new filter.
                render::SceneGeometry geometry;
                geometry.build(briefing, state.filter);
                renderer.setSceneGeometry(std::move(geometry));
                if (state.selection.kind == Selection::Kind::Site || state.selection.kind == Selection::Kind::Flow) state.selection = {};
                state.filterChanged = false;
            }
            if (state.nativeNamesChanged) {
                if (Result<render::PreparedScene> scene =
                        render::prepareScene(briefing, state.filter, font, state.nativeNames, &loadedScene.mentions))
                    (void)renderer.setScene(std::move(*scene));  // shaders compiled at the first setScene
                state.nativeNamesChanged = false;
            }
            if (state.fullscreenToggleRequested) {
                toggleFullscreen(window, savedX, savedY, savedW, savedH);
                state.fullscreenToggleRequested = false;
            }
            // While time plays the camera usually stands still: keep the base map cached so a frame is
            // a blit plus the briefing layer (the idle path never runs while frames keep coming).
            // Only while playing: on the first frame a direct render is cheaper, and idle time builds it.
            if (state.playing && !moved && !state.flight.active && state.pendingZoom == 1.0)
                renderer.warmCache(state.view, state.style);
            render::SceneFrame sceneFrame;
            sceneFrame.day = state.day;
            sceneFrame.motionSeconds = state.motionSeconds;
            sceneFrame.daysPerSecond = kSpeeds[state.speedIndex];
            sceneFrame.playing = state.playing;
            sceneFrame.windowDays = state.windowDays;
            renderer.setSceneFrame(sceneFrame);
            renderer.setOverlayInsetBottom(state.showPanels ? static_cast<float>(136.0 * pixelRatio) : 0.0f);

            if (state.editing.annotating.transientVersion != previewShown) {
                previewShown = state.editing.annotating.transientVersion;
                renderer.setTransientAnnotation(annotationPreview(state));
            }
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            state.view = state.view.withFramebuffer(fbWidth, fbHeight);  // camera moves this frame made new views
            renderer.render(state.view, state.style, state.panelRects);
            state.pixelRatio = pixelRatio;
            state.legendBox = renderer.scene() && state.style.layers.legend ? renderer.legendBox() : render::ScreenBox{};
            state.coveredLastFrame.clear();
            for (const render::ScreenBox& r : state.panelRects) state.coveredLastFrame.push_back({r.x0, r.y0, r.x1, r.y1});
            for (const render::ScreenBox& r : renderer.overlayBoxes()) state.coveredLastFrame.push_back({r.x0, r.y0, r.x1, r.y1});
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

            if (state.screenshotRequested) {
                state.screenshotRequested = false;
                const std::string path = timestampedName(state.screenshotDir);
                // The map without UI chrome (legend, title and date included), at the window's size or
                // a chosen one covering the same extent.
                MapView shot = state.view;
                if (state.screenshotSize > 0) {
                    // Laid out as `export` lays out that size (a 4K screenshot is the 1080p map, sharper).
                    const auto [w, h] = kScreenshotSizes[state.screenshotSize - 1];
                    const double scale = defaultOutputScale(w, h);
                    const int lw = static_cast<int>(std::lround(w / scale)), lh = static_cast<int>(std::lround(h / scale));
                    shot = MapView(state.view.projection(), state.view.center(), state.view.unitsPerPixel() * state.view.width() / lw, lw, lh)
                               .withFramebuffer(w, h);
                }
                renderer.setOverlayInsetBottom(0);
                render::MapStyle still = state.style;  // a picture: nothing to click, the legend open
                still.interactive = still.legendCollapsed = false;
                Status s = render::exportMapPng(renderer, shot, still, path, state.screenshotWorldFile);
                state.lastMessage = s ? "saved " + path : s.error().message;
                traceAction(options.trace, state, briefing, "screenshot", ",\"path\":\"" + path + "\",\"ok\":" + (s ? "true" : "false"));
                needsFrame = true;
            }
            ++frame;
            // The title follows the document (built only when it changed: no string per frame).
            if (document.revision() != titleRevision || document.dirty() != titleDirty || !titleShown) {
                titleRevision = document.revision();
                titleDirty = document.dirty();
                titleShown = document.isOpen();
                glfwSetWindowTitle(window, windowTitle(document).c_str());
            }
            // Unsaved work is kept every two seconds, so a crash or a kill loses at most that.
            if (document.isOpen() && document.revision() != recoveryRevision &&
                std::chrono::steady_clock::now() - lastRecoveryCheck > std::chrono::seconds(2)) {
                lastRecoveryCheck = std::chrono::steady_clock::now();
                recoveryRevision = document.revision();
                if (Status s = document.writeRecovery(); !s) state.lastMessage = "cannot keep a recovery copy: " + s.error().message;
                else traceAction(options.trace, state, briefing, document.dirty() ? "recovery_written" : "recovery_cleared");
            }
            // Closing with unsaved changes asks first (scripted runs never wait for an answer).
            if ((state.quitRequested || glfwWindowShouldClose(window)) && document.dirty() && options.frames == 0 &&
                !state.editing.quitPrompt && !state.closeConfirmed) {
                glfwSetWindowShouldClose(window, GLFW_FALSE);
                state.quitRequested = false;
                state.editing.quitPrompt = true;
                traceAction(options.trace, state, briefing, "quit_prompt");
                needsFrame = true;
            }
            if (state.quitRequested) glfwSetWindowShouldClose(window, GLFW_TRUE);
            // Scripted runs (tests, screenshots) count their frames once the briefing is on the map.
            if (options.frames > 0 && frame >= options.frames && sceneReady) {
                if (!options.screenshotPath.empty()) {
                    glFinish();
                    render::readFramebufferRgba(fbWidth, fbHeight, screenshotPixels);
                    const render::PixelRows rows{screenshotPixels.data(), fbWidth, fbHeight, 4, true};
                    if (Status s = render::writePng(options.screenshotPath, rows); !s) {
                        std::fprintf(stderr, "briefmap: %s\n", s.error().message.c_str());
                        exitCode = cli::kExitFailure;
                    }
                }
                glfwSetWindowShouldClose(window, GLFW_TRUE);
            }
            glfwSwapBuffers(window);
            state.frameMs = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - frameStart).count();
            if (frameTimes.size() < frameTimes.capacity()) frameTimes.push_back(state.frameMs);
            if (frame == 1 && options.timing)
                std::printf("{\"first_frame_ms\":%.1f}\n", cli::msSinceProcessStart());
            // Input and hover changes need a follow-up frame; a quiet frame lets the loop sleep.
            const ImGuiIO& io = ImGui::GetIO();
            needsFrame = moved || animating || state.pendingZoom != 1.0 || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 ||
                         io.MouseWheel != 0 || ImGui::IsAnyMouseDown() || io.InputQueueCharacters.Size > 0 || frame < 3;
        }
        if (options.timing && !frameTimes.empty()) {
            // Frame cost from input to swap (without waiting for vsync), over the whole session.
            std::sort(frameTimes.begin(), frameTimes.end());
            std::printf("{\"frames\":%zu,\"frame_ms_median\":%.2f,\"frame_ms_p95\":%.2f,\"frame_ms_max\":%.2f}\n",
                        frameTimes.size(), frameTimes[frameTimes.size() / 2], frameTimes[frameTimes.size() * 95 / 100],
                        frameTimes.back());
        }
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    return exitCode;
}

}  // namespace briefmap::ui
