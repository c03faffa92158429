// The window's base-map cache must show what a direct render shows, after blits, strip updates and
// rebuilds, so panning never changes what the map says.
#include <doctest/doctest.h>

#include <cstdlib>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
#include "render/glyph_atlas.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/render_target.hpp"
#include "test_support.hpp"

using namespace briefmap;

TEST_CASE("cached panning matches direct rendering") {
    test::HeadlessMap map(640, 400);
    render::MapRenderer& renderer = map.renderer;
    std::optional<render::RenderTarget>& target = map.target;
    render::MapStyle style;
    style.admin1 = true;
    MapView view = MapView::fitBounds(Projection::Mercator, {20, 35, 80, 60}, 640, 400);
    view.zoomAround(320, 200, 4.0);  // zoomed in: admin-1 lines and finer detail in the cache

    renderer.render(view, style, {}, false);  // a direct render waits for the close-up map, as exports do
    CHECK(renderer.closeUpLoaded());
    renderer.setBasemapCache(true);
    CHECK(renderer.warmCache(view, style));
    CHECK_FALSE(renderer.warmCache(view, style));  // already warm
    int blits = 0, strips = 0;
    // A drag long enough to leave the 384 px margin several times, diagonally.
    for (int step = 0; step < 60; ++step) {
        view.panPixels(step % 7 == 0 ? -23 : 31, step % 3 == 0 ? 17 : -9);
        renderer.render(view, style);
        blits += renderer.lastBasemapWork() == render::BasemapCache::Work::Blit;
        strips += renderer.lastBasemapWork() == render::BasemapCache::Work::Strips;
        if (step % 10 != 9) continue;
        std::vector<uint8_t> cached, direct;
        target->readRgba(cached);
        renderer.render(view, style, {}, false);
        target->readRgba(direct);
        size_t differing = 0;
        for (size_t i = 0; i < cached.size(); i += 4) {
            int worst = 0;
            for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(cached[i + c]) - int(direct[i + c])));
            differing += worst > 24;
        }
        CHECK_MESSAGE(differing <= cached.size() / 4 / 1000, "step " << step << ": " << differing << " pixels differ");
    }
    CHECK(blits > 40);
    CHECK(strips >= 2);
}
