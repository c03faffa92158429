// Data with no times at all (plain points and lines) has no moment to name: the map's date line
// says so instead of showing the clock's zero (it read "8 January 1970").
#include <doctest/doctest.h>

#include "render/glyph_atlas.hpp"
#include "render/map_renderer.hpp"
#include "test_support.hpp"

using namespace briefmap;

TEST_CASE("a scene whose events all lack a time is undated") {
    model::Briefing briefing = test::seedBriefing();
    Result<render::PreparedScene> dated = render::prepareScene(briefing, {}, render::GlyphAtlas::defaultFontPath(), false);
    REQUIRE(dated.ok());
    CHECK(dated->dated);
    for (model::Event& e : briefing.events) e.timeless = true;
    Result<render::PreparedScene> undated = render::prepareScene(briefing, {}, render::GlyphAtlas::defaultFontPath(), false);
    REQUIRE(undated.ok());
    CHECK_FALSE(undated->dated);
    briefing.events.clear();
    Result<render::PreparedScene> empty = render::prepareScene(briefing, {}, render::GlyphAtlas::defaultFontPath(), false);
    REQUIRE(empty.ok());
    CHECK(empty->dated);  // a new, empty briefing still shows the slider's moment
}
