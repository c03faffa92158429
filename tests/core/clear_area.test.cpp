// Framing clear of the panels: the largest clear rectangle over panel layouts, and a target framed in it.
#include <doctest/doctest.h>

#include "core/clear_area.hpp"
#include "core/projection.hpp"

using namespace briefmap;

namespace {

// The window's panels at a size: left column (Map/Filters/... headers, legend), Details at the
// right, the time bar at the bottom, the title box at the top left.
std::vector<PixelRect> panels(double w, double h) {
    return {{12, 12, 360, 80},            // title and date
            {12, 100, 420, 220},          // collapsed panel headers
            {12, h - 380, 312, h - 136},  // legend
            {12, h - 124, w - 392, h - 12},  // time bar
            {w - 380, 12, w - 12, h - 12}};  // Details
}

}  // namespace

TEST_CASE("the clear area avoids every panel at laptop to 4K sizes and is the largest such") {
    for (auto [w, h] : {std::pair{1280.0, 720.0}, {1366.0, 768.0}, {1920.0, 1080.0}, {3840.0, 2160.0}}) {
        CAPTURE(w);
        const auto obstacles = panels(w, h);
        const PixelRect r = largestClearRect(static_cast<int>(w), static_cast<int>(h), obstacles, 8);
        for (const PixelRect& o : obstacles) CHECK_FALSE(r.overlaps(o));
        CHECK(r.x0 >= 0);
        CHECK(r.y0 >= 0);
        CHECK(r.x1 <= w);
        CHECK(r.y1 <= h);
        // Between the left column and Details, above the time bar.
        CHECK(r.x0 >= 420);
        CHECK(r.x1 <= w - 380);
        CHECK(r.y1 <= h - 124);
        CHECK(r.area() > 0.25 * w * h);
    }
    // Nothing in the way: the whole screen; almost everything covered: the whole screen too.
    const PixelRect all = largestClearRect(800, 600, {});
    CHECK(all.area() == 800.0 * 600.0);
    CHECK(largestClearRect(800, 600, {{0, 0, 790, 600}}).area() == 800.0 * 600.0);
    // A single panel at the right: the rest, to its edge less the margin.
    const PixelRect left = largestClearRect(1000, 500, {{700, 0, 1000, 500}}, 10);
    CHECK(left.x0 == 0);
    CHECK(left.x1 == 690);
    CHECK(left.height() == 500);
}

TEST_CASE("a target framed in the clear area lands inside it, not under the panels") {
    const int w = 1366, h = 768;
    const MapView view = MapView::fitBounds(Projection::Mercator, {20, 33, 148, 60}, w, h);
    const PixelRect area = largestClearRect(w, h, panels(w, h), 8);
    const GeoBounds kursk{34.0, 50.5, 38.0, 52.5};
    const MapView framed = frameInArea(view, kursk, area);
    for (LonLat corner : {LonLat{kursk.west, kursk.south}, LonLat{kursk.east, kursk.north}}) {
        const Vec2d p = framed.projectedToScreen(project(Projection::Mercator, corner));
        CHECK(p.x >= area.x0 - 0.5);
        CHECK(p.x <= area.x1 + 0.5);
        CHECK(p.y >= area.y0 - 0.5);
        CHECK(p.y <= area.y1 + 0.5);
    }
    // It fills the area in one direction (not needlessly far out).
    const Vec2d a = framed.projectedToScreen(project(Projection::Mercator, {kursk.west, kursk.south}));
    const Vec2d b = framed.projectedToScreen(project(Projection::Mercator, {kursk.east, kursk.north}));
    const bool fillsWidth = std::abs((b.x - a.x) - area.width()) < 1, fillsHeight = std::abs((a.y - b.y) - area.height()) < 1;
    CHECK((fillsWidth || fillsHeight));
}
