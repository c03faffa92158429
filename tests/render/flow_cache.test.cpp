// The window draws the flows that are over once, onto a copy of the base map, and starts each frame
// from it. What it shows must be what an export (no caches) shows at the same moment, whether time
// moves forward (the copy grows), jumps back (it starts again), or the theme changes under the same
// camera (the base map under the flows is another).
#include <doctest/doctest.h>

#include <cstdlib>

#include "model/briefing_loader.hpp"
#include "model/date.hpp"
#include "model/timeline.hpp"
#include "render/glyph_atlas.hpp"
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

TEST_CASE("the window's cached flows show what an export shows, forward, backward and after a theme change") {
    test::HeadlessMap map(960, 540);
    render::MapRenderer& renderer = map.renderer;
    const model::LoadedBriefing loaded = model::loadBriefingFile(model::defaultBriefingPath(), test::geocoder());
    REQUIRE(loaded.ok());
    Result<render::PreparedScene> scene = render::prepareScene(loaded.briefing, {}, render::GlyphAtlas::defaultFontPath(), false);
    REQUIRE(scene.ok());
    REQUIRE(renderer.setScene(std::move(*scene)).ok());
    const render::SceneGeometry& geometry = *renderer.scene();

    renderer.setBasemapCache(true);
    const MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 960, 540);
    render::MapStyle style;
    renderer.warmCache(view, style);

    struct Step {
        model::DayNumber day;
        render::ThemeName theme;
    };
    const Step steps[] = {
        {model::dayNumber(2023, 9, 13), render::ThemeName::Dark},  {model::dayNumber(2024, 6, 19), render::ThemeName::Dark},
        {model::dayNumber(2024, 12, 1), render::ThemeName::Dark},  {model::dayNumber(2025, 8, 15), render::ThemeName::Dark},
        {model::dayNumber(2024, 6, 19), render::ThemeName::Dark},  // back in time
        {model::dayNumber(2025, 8, 15), render::ThemeName::Light},  // same camera, another base map
        {model::dayNumber(2025, 9, 1), render::ThemeName::Light},
    };
    // All window frames first (a direct render in between would make the next one start again).
    std::vector<std::vector<uint8_t>> cached(std::size(steps));
    size_t largestOver = 0;
    for (size_t i = 0; i < std::size(steps); ++i) {
        style.theme = steps[i].theme;
        render::SceneFrame frame;
        frame.day = steps[i].day + 0.5;
        renderer.setSceneFrame(frame);
        largestOver = std::max(largestOver, geometry.flowsOverAt(frame.day));
        renderer.render(view, style);
        map.target->readRgba(cached[i]);
    }
    for (size_t i = 0; i < std::size(steps); ++i) {
        CAPTURE(model::formatLongDate(steps[i].day));
        style.theme = steps[i].theme;
        render::SceneFrame frame;
        frame.day = steps[i].day + 0.5;
        renderer.setSceneFrame(frame);
        std::vector<uint8_t> direct;
        renderer.render(view, style, {}, false);
        map.target->readRgba(direct);
        // The window draws flows in batches (those over, as they end; then those under way), each batch's
        // arrowheads after its lines; an export draws all lines, then all arrowheads. They differ only
        // where a later line crosses an earlier arrowhead: a few dozen pixels in half a million.
        CHECK(differingPixels(cached[i], direct, 3) <= direct.size() / 4 / 2000);
        CHECK(differingPixels(cached[i], direct, 64) <= direct.size() / 4 / 10000);
    }
    CHECK(largestOver >= 5);  // the copy really held flows that were over
}
