// Annotations laid out on screen: each kind draws, captions become label obstacles, a ring's
// radius and a ruler's length are written on them, dated annotations appear only in their time,
// and the golden image `annotations-korea-dark` shows them all.
#include <doctest/doctest.h>

#include "model/briefing_loader.hpp"
#include "render/annotation_layer.hpp"
#include "render/scene_text.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::render;

namespace {

const std::string kFixture = std::string(BRIEFMAP_TEST_DIR) + "/fixtures/annotations/annotated.json";

const model::Briefing& fixture() {
    static const model::LoadedBriefing loaded = model::loadBriefingFile(kFixture, test::geocoder());
    REQUIRE(loaded.ok());
    return loaded.briefing;
}

}  // namespace

TEST_CASE("annotation shapes carry geodesic paths and their measured captions") {
    const AnnotationGeometry g = buildAnnotationGeometry(fixture());
    REQUIRE(g.shapes.size() == 5);
    CHECK(g.shapes[0].caption == "Short-range missile · 900 km");
    CHECK(g.shapes[1].caption == "300 km");
    CHECK(g.shapes[2].caption == "684 km (425 mi)");  // Pyongyang to Vladivostok on WGS84
    CHECK(g.shapes[0].path.size() > 100);
    CHECK(!g.shapes[0].aroundPole);
    CHECK(g.shapes[3].path.size() >= 2);
    CHECK(g.shapes[4].caption == "Sea of Japan (East Sea)");
}

TEST_CASE("annotations lay out in view, their captions are obstacles, dated ones only in their time") {
    const AnnotationGeometry g = buildAnnotationGeometry(fixture());
    std::vector<std::string> texts = annotationTexts(g);
    Result<SceneText> text = buildSceneText(SceneGeometry{}, "", GlyphAtlas::defaultFontPath(), false, {}, texts);
    REQUIRE(text);
    const MapView view = MapView::fitBounds(Projection::Mercator, {118, 33, 142, 46}, 1280, 720);
    std::vector<OverlayVertex> vertices;
    std::vector<ScreenBox> boxes;
    // Before June 2024 the 300 km ring is not drawn: four captions (two rings' less one, ruler, arrow, label).
    layoutAnnotations(g, view, model::dayNumber(2024, 5, 1), ThemeName::Dark, text->atlas, vertices, boxes);
    CHECK(boxes.size() == 4);
    const size_t before = vertices.size();
    layoutAnnotations(g, view, model::dayNumber(2024, 7, 1), ThemeName::Dark, text->atlas, vertices, boxes);
    CHECK(boxes.size() == 5);
    CHECK(vertices.size() > before);
    for (const ScreenBox& b : boxes) {  // every caption on screen
        CHECK(b.x0 >= 0);
        CHECK(b.y0 >= 0);
        CHECK(b.x1 <= 1280);
        CHECK(b.y1 <= 720);
    }
    // The label sits where it was put: its box contains the projected anchor.
    const Vec2d anchor = view.projectedToScreen(project(Projection::Mercator, {135.0, 37.5}));
    bool found = false;
    for (const ScreenBox& b : boxes) found = found || (b.x0 < anchor.x && anchor.x < b.x1 && b.y0 < anchor.y && anchor.y < b.y1);
    CHECK(found);
}
