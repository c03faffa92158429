// Camera: exact bbox fitting, zoom around the cursor, endless panning.
#include <doctest/doctest.h>

#include "core/map_view.hpp"

using namespace briefmap;

TEST_CASE("fitBounds covers exactly west..east and centres the latitude span") {
    for (Projection proj : {Projection::Mercator, Projection::Equirect}) {
        const GeoBounds b{20, 33, 148, 60};
        const MapView v = MapView::fitBounds(proj, b, 1920, 1080);
        const GeoBounds g = v.geoExtent();
        CHECK(g.west == doctest::Approx(20).epsilon(1e-12));
        CHECK(g.east == doctest::Approx(148).epsilon(1e-12));
        const double midY = (project(proj, {0, 33}).y + project(proj, {0, 60}).y) / 2;
        CHECK(v.center().y == doctest::Approx(midY));
        // Square pixels: the projected height follows from the aspect ratio.
        const ProjectedExtent e = v.projectedExtent();
        CHECK((e.ymax - e.ymin) / (e.xmax - e.xmin) == doctest::Approx(1080.0 / 1920.0));
    }
}

TEST_CASE("zooming keeps the point under the cursor fixed") {
    MapView v = MapView::fitBounds(Projection::Mercator, {20, 33, 148, 60}, 1600, 900);
    const LonLat before = v.screenToLonLat(300, 200);
    v.zoomAround(300, 200, 2.5);
    const LonLat after = v.screenToLonLat(300, 200);
    CHECK(after.lon == doctest::Approx(before.lon).epsilon(1e-9));
    CHECK(after.lat == doctest::Approx(before.lat).epsilon(1e-9));
}

TEST_CASE("panning across the antimeridian is endless") {
    MapView v = MapView::fitBounds(Projection::Mercator, {160, 50, 200, 70}, 800, 600);
    for (int i = 0; i < 2000; ++i) v.panPixels(-50, 0);  // far east, many times around
    CHECK(std::abs(v.center().x) <= worldWidth(Projection::Mercator) / 2 + 1);
    int first = 0, last = 0;
    v.visibleWorldCopies(first, last);
    CHECK(first <= last);
}

TEST_CASE("a view across the antimeridian draws two world copies") {
    const MapView v = MapView::fitBounds(Projection::Mercator, {150, 50, 210, 72}, 800, 600);
    int first = 0, last = 0;
    v.visibleWorldCopies(first, last);
    CHECK(first <= 0);
    CHECK(last >= 1);
}

TEST_CASE("screen and projected coordinates are inverse") {
    const MapView v = MapView::fitBounds(Projection::Equirect, {-10, -10, 10, 10}, 400, 400);
    const Vec2d p = v.screenToProjected(123.5, 321.25);
    const Vec2d s = v.projectedToScreen(p);
    CHECK(s.x == doctest::Approx(123.5));
    CHECK(s.y == doctest::Approx(321.25));
}

// A scaled view lays out in its own pixels and rasterises into a bigger framebuffer: the extent, the
// picking and the panning stay in layout pixels; resizing (a window) starts again at ratio 1.
TEST_CASE("a view with a bigger framebuffer keeps its extent and layout and reports its pixel ratio") {
    const MapView layout = MapView::fitBounds(Projection::Mercator, {20, 33, 148, 60}, 1920, 1080);
    const MapView scaled = layout.withFramebuffer(3840, 2160);
    CHECK(scaled.width() == 1920);
    CHECK(scaled.height() == 1080);
    CHECK(scaled.framebufferWidth() == 3840);
    CHECK(scaled.framebufferHeight() == 2160);
    CHECK(scaled.pixelRatio() == doctest::Approx(2.0));
    CHECK(layout.pixelRatio() == doctest::Approx(1.0));
    CHECK(scaled.geoExtent().west == doctest::Approx(layout.geoExtent().west));
    CHECK(scaled.geoExtent().east == doctest::Approx(layout.geoExtent().east));
    CHECK(scaled.screenToLonLat(960, 540).lon == doctest::Approx(layout.screenToLonLat(960, 540).lon));
    CHECK(scaled.withProjection(Projection::Equirect).framebufferWidth() == 3840);
    MapView resized = scaled;
    resized.resize(1000, 500);
    CHECK(resized.framebufferWidth() == 1000);
    CHECK(resized.pixelRatio() == doctest::Approx(1.0));
}

TEST_CASE("the default output scale fits a 1080p layout and never shrinks below 1") {
    CHECK(defaultOutputScale(1920, 1080) == doctest::Approx(1.0));
    CHECK(defaultOutputScale(3840, 2160) == doctest::Approx(2.0));
    CHECK(defaultOutputScale(2560, 1440) == doctest::Approx(4.0 / 3.0));
    CHECK(defaultOutputScale(7680, 4320) == doctest::Approx(4.0));
    CHECK(defaultOutputScale(1280, 720) == doctest::Approx(1.0));
    CHECK(defaultOutputScale(1080, 1920) == doctest::Approx(1.0));  // portrait: its width is 1080p's height
    CHECK(defaultOutputScale(5120, 1440) == doctest::Approx(4.0 / 3.0));
}
