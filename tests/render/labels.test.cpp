// Label placement: no two labels overlap, none overlaps a UI panel, and the names people look for
// appear at a briefing's zoom.
#include <doctest/doctest.h>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
#include "render/glyph_atlas.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/render_target.hpp"
#include "test_support.hpp"

using namespace briefmap;

TEST_CASE("labels never overlap each other or the panels") {
    test::HeadlessMap map(1280, 720);
    render::MapRenderer& renderer = map.renderer;
    const std::vector<render::ScreenBox> panel{{12, 12, 320, 240}};
    for (const GeoBounds& b : {kDefaultBriefingBounds, GeoBounds{28, 44, 44, 56}, GeoBounds{118, 33, 142, 46}}) {
        const MapView view = MapView::fitBounds(Projection::Mercator, b, 1280, 720);
        renderer.render(view, render::MapStyle{}, panel);
        const auto& boxes = renderer.labels().placedBoxes();
        REQUIRE(boxes.size() > 5);
        CHECK(boxes.front() == panel.front());  // obstacles come first
        for (size_t i = 0; i < boxes.size(); ++i)
            for (size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(boxes[i].overlaps(boxes[j]));
    }
}
