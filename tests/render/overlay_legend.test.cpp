// The legend as a presenter needs it: in the corner they choose (never over the title), folded to
// its header when it is in the way, as wide as its entries, and saying "click" only where a click
// does something (the window), not in a picture.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/glyph_atlas.hpp"
#include "model/briefing.hpp"
#include "render/overlay_layer.hpp"

using namespace briefmap;
using render::LegendCorner;
using render::ScreenBox;

namespace {

const render::GlyphAtlas& asciiAtlas() {
    static const render::GlyphAtlas atlas = [] {
        std::string ascii;
        for (char c = ' '; c <= '~'; ++c) ascii += c;
        Result<render::GlyphAtlas> built = render::GlyphAtlas::build(render::GlyphAtlas::defaultFontPath(), {ascii});
        REQUIRE(built);
        return std::move(*built);
    }();
    return atlas;
}

struct Laid {
    std::vector<render::OverlayVertex> vertices;
    std::vector<ScreenBox> boxes;
    ScreenBox legend{};
};

Laid lay(const render::OverlayContent& content) {
    Laid out;
    render::layoutOverlay(content, asciiAtlas(), out.vertices, out.boxes, &out.legend);
    return out;
}

render::OverlayContent slide(int width, int height) {
    render::OverlayContent c;
    c.title = "Russia-North Korea military cooperation";
    c.date = "19 June 2024";
    c.width = width;
    c.height = height;
    c.mentionsRow = true;
    return c;
}

}  // namespace

TEST_CASE("the legend goes to the corner asked for and a top-left legend stays under the title") {
    for (const auto& [w, h] : {std::pair{1366, 768}, std::pair{1920, 1080}}) {
        render::OverlayContent c = slide(w, h);
        const ScreenBox title = lay(c).boxes.front();
        for (LegendCorner corner : {LegendCorner::BottomLeft, LegendCorner::BottomRight, LegendCorner::TopLeft, LegendCorner::TopRight}) {
            CAPTURE(render::legendCornerName(corner));
            c.legendCorner = corner;
            const Laid laid = lay(c);
            const ScreenBox& l = laid.legend;
            REQUIRE(l.x1 > l.x0);
            CHECK(l.x0 >= 0);
            CHECK(l.y0 >= 0);
            CHECK(l.x1 <= w);
            CHECK(l.y1 <= h);
            CHECK_FALSE(l.overlaps(title));
            const bool right = corner == LegendCorner::BottomRight || corner == LegendCorner::TopRight;
            const bool top = corner == LegendCorner::TopLeft || corner == LegendCorner::TopRight;
            CHECK((right ? w - l.x1 : l.x0) < 20);
            if (top && !right) CHECK(l.y0 >= title.y1);
            if (top && right) CHECK(l.y0 < 20);
            if (!top) CHECK(h - l.y1 < 20);
            CHECK(render::parseLegendCorner(render::legendCornerName(corner)) == corner);
        }
    }
    CHECK_FALSE(render::parseLegendCorner("middle"));
    CHECK(render::parseLegendCorner("auto") == LegendCorner::Auto);  // the renderer picks the clearest corner
}

TEST_CASE("a folded legend is only its header and the window's time panel keeps it up") {
    render::OverlayContent c = slide(1366, 768);
    const ScreenBox open = lay(c).legend;
    c.legendCollapsed = true;
    const ScreenBox folded = lay(c).legend;
    CHECK(folded.y1 - folded.y0 < 40);
    CHECK(folded.x1 - folded.x0 < (open.x1 - open.x0) / 2);
    CHECK(folded.y1 == doctest::Approx(open.y1));  // folds towards its corner
    c.insetBottom = 136;
    CHECK(lay(c).legend.y1 <= 768 - 136);
}

TEST_CASE("the legend is as wide as its entries and says click only where a click works") {
    render::OverlayContent c = slide(1920, 1080);
    const ScreenBox all = lay(c).legend;
    c.kinds = 1u << static_cast<unsigned>(model::EventKind::Meeting);
    c.cargos = 0;
    c.mentionsRow = false;
    const ScreenBox one = lay(c).legend;
    CHECK(one.x1 - one.x0 < all.x1 - all.x0);
    CHECK(one.y1 - one.y0 < (all.y1 - all.y0) / 3);

    // The window's legend explains the rings with a click; an export's does not promise one.
    render::OverlayContent window = slide(1920, 1080), picture = slide(1920, 1080);
    window.interactive = true;
    const size_t windowVertices = lay(window).vertices.size(), pictureVertices = lay(picture).vertices.size();
    // "click for every sentence naming it" has 9 more letters than "a place the articles name".
    CHECK(windowVertices > pictureVertices);
}

// A small picture never puts the legend over the title or past its edges: the window folds it, an
// export (nothing to unfold) leaves it out; the title stays.
TEST_CASE("on a map too small for it the legend folds in the window and stays out of a picture") {
    render::OverlayContent c = slide(640, 360);
    Laid picture = lay(c);
    CHECK(picture.legend.x1 == picture.legend.x0);  // none
    REQUIRE(picture.boxes.size() == 1);               // the title alone
    c.interactive = true;
    const Laid window = lay(c);
    REQUIRE(window.legend.x1 > window.legend.x0);
    CHECK(window.legend.y1 - window.legend.y0 < 40);  // folded to its header
    CHECK_FALSE(window.legend.overlaps(window.boxes.front()));
    for (const auto& [w, h] : {std::pair{1280, 720}, std::pair{960, 540}}) {
        const Laid big = lay(slide(w, h));
        CHECK(big.legend.y1 - big.legend.y0 > 200);  // room enough: open
        CHECK_FALSE(big.legend.overlaps(big.boxes.front()));
    }
}
