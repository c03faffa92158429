// The window draws the flows that are over once, onto a copy of the base map, and starts each frame
// from it. What it shows must be what an export (no caches) shows at the same moment, whether time
// moves forward (the copy grows), jumps back (it starts again), or the theme changes under the same
// camera (the base map under the flows is another).
#include <doctest/doctest.h>

#include <cstdlib>

#include "model/date.hpp"
#include "model/timeline.hpp"
#include "render/map_renderer.hpp"
#include "test_support.hpp"

using namespace briefmap;

namespace {

// Pixels whose colour differs by more than `tolerance` in some channel.
size_t differingPixels(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b, int tolerance) {
    size_t n = 0;
    for (size_t i = 0; i + 3 < a.size(); i += 4) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(a[i + c]) - int(b[i + c])));
        n += worst > tolerance;
    }
    return n;
}

}  // namespace

TEST_CASE("the window's cached flows show what an export shows: forward, back, panned, restyled, playing fast") {
    test::HeadlessMap map(960, 540);
    render::MapRenderer& renderer = map.renderer;
    test::setSeedScene(renderer);
    const render::SceneGeometry& geometry = *renderer.scene();

    renderer.setBasemapCache(true);
    MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 960, 540);
    render::MapStyle style;
    renderer.warmCache(view, style);

    struct Step {
        model::DayNumber day;
        render::ThemeName theme = render::ThemeName::Dark;
        int panX = 0, panY = 0;
    };
    const Step steps[] = {
        {model::dayNumber(2023, 9, 13)},
        {model::dayNumber(2024, 6, 19)},
        {model::dayNumber(2024, 6, 19), render::ThemeName::Dark, 40, -25},  // a pan within the cache's margin
        {model::dayNumber(2024, 12, 1)},
        // Beyond it: the cache moves, and so does the backdrop, drawing only the strips it exposed.
        {model::dayNumber(2024, 12, 1), render::ThemeName::Dark, -500, 30},
        {model::dayNumber(2024, 12, 1), render::ThemeName::Dark, 450, 0},
        {model::dayNumber(2024, 12, 1), render::ThemeName::Dark, 450, -200},
        {model::dayNumber(2024, 12, 1), render::ThemeName::Dark, 0, 420},
        {model::dayNumber(2024, 12, 1), render::ThemeName::Dark, -400, -250},
        {model::dayNumber(2025, 8, 15)},
        {model::dayNumber(2024, 6, 19)},  // back in time
        {model::dayNumber(2025, 8, 15), render::ThemeName::Light},  // the same camera, another base map
    };
    size_t largestSettled = 0;
    const auto compare = [&](const render::SceneFrame& frame) {
        renderer.setSceneFrame(frame);
        std::vector<uint8_t> cached, direct;
        renderer.render(view, style);
        map.target->readRgba(cached);
        renderer.render(view, style, {}, false);  // as an export renders: no caches
        map.target->readRgba(direct);
        // The window draws flows in batches (those settled, as they settle; then those under way), each
        // batch's arrowheads after its lines; an export draws all lines, then all arrowheads. They can
        // differ only where a later line crosses an earlier arrowhead: a few dozen pixels.
        CHECK(differingPixels(cached, direct, 3) <= direct.size() / 4 / 2000);
        CHECK(differingPixels(cached, direct, 64) <= direct.size() / 4 / 10000);
    };
    for (const Step& step : steps) {
        CAPTURE(model::formatLongDate(step.day));
        CAPTURE(step.panX);
        style.theme = step.theme;
        view.panPixels(step.panX, step.panY);
        render::SceneFrame frame;
        frame.day = step.day + 0.5;
        largestSettled = std::max(largestSettled, render::settledFlows(geometry, frame.day));
        compare(frame);
    }
    CHECK(largestSettled >= 5);  // the backdrop really held flows

    // Playing at a year a second, a frame every 3 days: flows grow over 20 days, so one that ends
    // within that time must not be caught on the backdrop half grown.
    style.theme = render::ThemeName::Dark;
    render::SceneFrame frame;
    frame.playing = true;
    frame.daysPerSecond = 365;
    for (int i = 0; i <= 60; ++i) {
        frame.day = model::dayNumber(2024, 6, 1) + 3.0 * i;  // Putin flies on to Vietnam on 20 June
        frame.motionSeconds = i / 60.0;
        renderer.setSceneFrame(frame);
        renderer.render(view, style);
        if (i % 20 == 0) {
            CAPTURE(i);
            compare(frame);
        }
    }
}
