#include "ui/presenter.hpp"

#include <algorithm>
#include <cmath>

namespace briefmap::ui {

namespace {

double easeInOut(double t) { return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2; }

}  // namespace

bool advanceTime(UiState& state, double dt) {
    bool animating = false;
    if (state.playing) {
        state.day += dt * kSpeeds[state.speedIndex];
        state.motionSeconds += dt;
        if (state.day >= state.range.last + 1) {
            state.day = state.range.last + 1;
            state.playing = false;
        }
        animating = true;
    }
    CameraFlight& f = state.flight;
    if (f.active) {
        f.elapsed += dt;
        const double t = easeInOut(std::min(1.0, f.elapsed / f.duration));
        const Vec2d c{f.fromCenter.x + (f.toCenter.x - f.fromCenter.x) * t, f.fromCenter.y + (f.toCenter.y - f.fromCenter.y) * t};
        const double scale = std::exp(f.fromLogScale + (f.toLogScale - f.fromLogScale) * t);
        state.view = MapView(state.view.projection(), c, scale, state.view.width(), state.view.height());
        if (f.elapsed >= f.duration) f.active = false;
        animating = true;
    }
    return animating;
}

GeoBounds eventBounds(const model::Briefing& b, const model::Event& e) {
    double west = 1e9, east = -1e9, south = 1e9, north = -1e9;
    const auto add = [&](uint32_t p) {
        if (p == model::kNone || !b.places[p].resolved) return;
        west = std::min(west, b.places[p].lon);
        east = std::max(east, b.places[p].lon);
        south = std::min(south, b.places[p].lat);
        north = std::max(north, b.places[p].lat);
    };
    for (uint32_t p : e.places) add(p);
    if (e.flow) {
        add(e.flow->from);
        add(e.flow->to);
        for (uint32_t p : e.flow->via) add(p);
        // A flow's great circle can bow north of both ends (Pyongyang → Moscow crosses Siberia).
        const model::Place &a = b.places[e.flow->from], &z = b.places[e.flow->to];
        for (const LonLat& p : render::flowPath({a.lon, a.lat}, {z.lon, z.lat}, 5.0)) {
            west = std::min(west, p.lon);
            east = std::max(east, p.lon);
            south = std::min(south, p.lat);
            north = std::max(north, p.lat);
        }
    }
    if (west > east) return kDefaultBriefingBounds;
    return {west, south, east, north};
}

void flyTo(UiState& state, const GeoBounds& bounds) {
    // At least ~14° across, so a single city shows its surroundings; a margin for markers and labels.
    const double cx = 0.5 * (bounds.west + bounds.east), cy = 0.5 * (bounds.south + bounds.north);
    const double halfW = std::max(7.0, 0.5 * (bounds.east - bounds.west) * 1.35);
    const double halfH = std::max(4.0, 0.5 * (bounds.north - bounds.south) * 1.35);
    const GeoBounds padded{cx - halfW, std::max(-80.0, cy - halfH), cx + halfW, std::min(80.0, cy + halfH)};
    flyToView(state, frameInArea(state.view, padded, clearArea(state)));
}

PixelRect clearArea(const UiState& state) {
    std::vector<PixelRect> covered = state.coveredLastFrame;
    // A move that selects opens the Details panel (380 px at the right) if it is not open yet.
    if (state.showPanels) {
        const double w = state.view.width(), h = state.view.height();
        covered.push_back({w - 392 * state.pixelRatio, 0, w, h});
    }
    return largestClearRect(state.view.width(), state.view.height(), covered);
}

void flyToView(UiState& state, const MapView& target) {
    const double scale = target.unitsPerPixel();
    CameraFlight& f = state.flight;
    f.active = true;
    f.elapsed = 0;
    f.fromCenter = state.view.center();
    f.toCenter = target.center();
    // Take the short way around the world (the view's centre wraps).
    const double world = worldWidth(state.view.projection());
    f.toCenter.x -= world * std::round((f.toCenter.x - f.fromCenter.x) / world);
    f.fromLogScale = std::log(state.view.unitsPerPixel());
    f.toLogScale = std::log(scale);
}

void stepToEvent(UiState& state, const model::Briefing& briefing, bool forward) {
    const double now = state.day;
    const model::DayNumber target = forward ? model::nextEventDay(briefing, state.filter, now)
                                            : model::previousEventDay(briefing, state.filter, now);
    if (forward ? target <= std::floor(now) : target >= std::floor(now)) return;  // nothing further that way
    state.playing = false;
    state.day = target + 0.5;
    state.steppedEvents = model::eventsStartingOn(briefing, state.filter, target);
    if (state.steppedEvents.empty()) return;
    GeoBounds box = eventBounds(briefing, briefing.events[state.steppedEvents[0]]);
    for (uint32_t e : state.steppedEvents) {
        const GeoBounds b = eventBounds(briefing, briefing.events[e]);
        box = {std::min(box.west, b.west), std::min(box.south, b.south), std::max(box.east, b.east), std::max(box.north, b.north)};
    }
    flyTo(state, box);
    state.selection = {Selection::Kind::Event, state.steppedEvents[0]};
}

void goToTourStep(UiState& state, size_t i) {
    if (!state.tour.tour || i >= state.tour.tour->steps.size()) return;
    const model::TourStep& step = state.tour.tour->steps[i];
    state.tour.step = static_cast<int>(i);
    state.day = step.from.day();
    state.playing = false;
    state.style.caption = step.caption;
    state.style.captionAlpha = 1;
    // The step's filters (kinds, statuses) replace the current ones; a step naming none shows all.
    const model::EventFilter filter = model::stepFilter(step);
    if (!(filter == state.filter)) {
        state.filter = filter;
        state.filterChanged = true;
        ++state.filterVersion;
    }
    // The camera flies to the step's view as the tour export frames it.
    const model::TourTimeline line(*state.tour.tour, state.view.projection(), state.view.width(), state.view.height());
    CameraFlight& f = state.flight;
    f.active = true;
    f.elapsed = 0;
    f.fromCenter = state.view.center();
    f.toCenter = line.stepCenter(i);
    const double world = worldWidth(state.view.projection());
    f.toCenter.x -= world * std::round((f.toCenter.x - f.fromCenter.x) / world);
    f.fromLogScale = std::log(state.view.unitsPerPixel());
    f.toLogScale = std::log(line.stepWidth(i) / state.view.width());
}

namespace {

// Flies the camera to where a tour would frame `step`; a box is framed in the clear part of the map.
void flyToStep(UiState& state, const model::TourStep& step) {
    if (step.view.bbox) {
        GeoBounds box = *step.view.bbox;
        if (box.east < box.west) box.east += 360;
        return flyToView(state, frameInArea(state.view, box, clearArea(state)));
    }
    const model::Tour one{"", {step}};
    const model::TourTimeline line(one, state.view.projection(), state.view.width(), state.view.height());
    CameraFlight& f = state.flight;
    f.active = true;
    f.elapsed = 0;
    f.fromCenter = state.view.center();
    f.toCenter = line.stepCenter(0);
    const double world = worldWidth(state.view.projection());
    f.toCenter.x -= world * std::round((f.toCenter.x - f.fromCenter.x) / world);
    f.fromLogScale = std::log(state.view.unitsPerPixel());
    f.toLogScale = std::log(line.stepWidth(0) / state.view.width());
}

const char* const kLayerNames[] = {"basemap", "places", "flows", "labels", "legend", "mentions", "annotations"};
bool* layerFlag(render::MapLayers& l, int i) {
    bool* flags[] = {&l.basemap, &l.places, &l.flows, &l.labels, &l.legend, &l.mentions, &l.annotations};
    return flags[i];
}

}  // namespace

void showSavedView(UiState& state, const model::TourStep& view) {
    leaveTour(state);
    state.selection = {};  // a view is a fresh frame: nothing from before stays selected
    state.steppedEvents.clear();
    state.day = std::clamp(view.to.day(), static_cast<double>(state.range.first), static_cast<double>(state.range.last) + 1);
    state.playing = false;
    const model::EventFilter filter = model::stepFilter(view);
    if (!(filter == state.filter)) {
        state.filter = filter;
        state.filterChanged = true;
        ++state.filterVersion;
    }
    if (!view.layers.empty())
        for (int i = 0; i < 7; ++i)
            *layerFlag(state.style.layers, i) = std::find(view.layers.begin(), view.layers.end(), kLayerNames[i]) != view.layers.end();
    if (!view.theme.empty()) state.style.theme = view.theme == "light" ? render::ThemeName::Light : render::ThemeName::Dark;
    if (view.view.bbox || view.view.center) flyToStep(state, view);
}

model::TourStep currentView(const UiState& state, const std::string& name) {
    model::TourStep v;
    v.caption = name;
    v.from = v.to = model::Moment{static_cast<int64_t>(std::floor(state.day * 86400.0))};
    GeoBounds g = state.view.geoExtent();
    g.south = std::max(-85.0, g.south);
    g.north = std::min(85.0, g.north);
    // The box as a tour's view: west within ±180, east after it.
    const double shift = 360.0 * std::floor((g.west + 180.0) / 360.0);
    g.west -= shift;
    g.east -= shift;
    v.view.bbox = g;
    render::MapLayers layers = state.style.layers;
    for (int i = 0; i < 7; ++i)
        if (*layerFlag(layers, i)) v.layers.push_back(kLayerNames[i]);
    v.theme = state.style.theme == render::ThemeName::Light ? "light" : "dark";
    if (!state.filter.kinds.all())
        for (size_t k = 0; k < state.filter.kinds.size(); ++k)
            if (state.filter.kinds.test(k)) v.kinds.emplace_back(model::eventKindName(static_cast<model::EventKind>(k)));
    if (!state.filter.statuses.all())
        for (size_t k = 0; k < state.filter.statuses.size(); ++k)
            if (state.filter.statuses.test(k)) v.statuses.emplace_back(model::claimStatusName(static_cast<model::ClaimStatus>(k)));
    return v;
}

void leaveTour(UiState& state) {
    state.tour.step = -1;
    state.style.caption.clear();
}

void jumpToDay(UiState& state, double day) {
    state.day = std::clamp(day, static_cast<double>(state.range.first), static_cast<double>(state.range.last) + 1);
}

void changeSpeed(UiState& state, int delta) { state.speedIndex = std::clamp(state.speedIndex + delta, 0, kSpeedCount - 1); }

}  // namespace briefmap::ui
