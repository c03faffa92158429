// The briefing as the map draws it (CPU side): merged sites, markers that grow and change colour with
// time by the shaders' rule, great circles across the antimeridian, and picking at a screen point.
#include <bit>
#include <doctest/doctest.h>

#include <cmath>

#include "model/briefing_loader.hpp"
#include "render/scene_geometry.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::render;

namespace {

const model::Briefing& seed() { return test::seedBriefing(); }

const SceneSite* siteNamed(const SceneGeometry& g, const std::string& label, uint32_t* index = nullptr) {
    for (uint32_t i = 0; i < g.sites().size(); ++i)
        if (g.sites()[i].label == label) {
            if (index) *index = i;
            return &g.sites()[i];
        }
    return nullptr;
}

// The marker shader's visibility rule, on the CPU.
std::vector<const MarkerInstance*> markersShownAt(const SceneGeometry& g, float lon, float lat, double day) {
    std::vector<const MarkerInstance*> out;
    for (const MarkerInstance& m : g.markers())
        if (m.lon == lon && m.lat == lat && day >= m.start && day < m.next) out.push_back(&m);
    return out;
}

}  // namespace

TEST_CASE("places at one point share a marker named by the most specific place") {
    SceneGeometry g;
    g.build(seed(), {});
    const SceneSite* pyongyang = siteNamed(g, "Pyongyang");
    REQUIRE(pyongyang);
    CHECK(pyongyang->places.size() == 2);  // Pyongyang and "North Korea" (its capital's point)
    const SceneSite* moscow = siteNamed(g, "Moscow");
    REQUIRE(moscow);
    CHECK(moscow->places.size() == 3);  // Moscow, Russia, the Kremlin
    CHECK(siteNamed(g, "Kursk region"));  // a flow's destination is a place on the map too
    CHECK_FALSE(siteNamed(g, "North Korea"));
}

TEST_CASE("at any moment a site shows one marker: its count so far and its newest kind") {
    SceneGeometry g;
    g.build(seed(), {});
    const SceneSite* vostochny = siteNamed(g, "Vostochny Cosmodrome");
    REQUIRE(vostochny);
    const auto lon = static_cast<float>(vostochny->position.lon), lat = static_cast<float>(vostochny->position.lat);
    CHECK(markersShownAt(g, lon, lat, model::dayNumber(2023, 9, 9)).empty());  // nothing there yet
    const auto atTrain = markersShownAt(g, lon, lat, model::dayNumber(2023, 9, 10) + 0.5);
    REQUIRE(atTrain.size() == 1);
    CHECK(atTrain[0]->count == 1);
    CHECK(atTrain[0]->kind == static_cast<float>(model::EventKind::Visit));
    const auto atSummit = markersShownAt(g, lon, lat, model::dayNumber(2023, 9, 13) + 0.5);
    REQUIRE(atSummit.size() == 1);
    CHECK(atSummit[0]->count == 3);  // the train, the summit, the invitation
    CHECK(atSummit[0]->kind == static_cast<float>(model::EventKind::Meeting));  // the summit outweighs the statement
    CHECK(g.countAt(*vostochny, model::dayNumber(2030, 1, 1)) == vostochny->events.size());
}

TEST_CASE("a filter removes markers and flows") {
    model::EventFilter statementsOnly;
    statementsOnly.kinds.reset();
    statementsOnly.kinds.set(static_cast<size_t>(model::EventKind::Statement));
    SceneGeometry g;
    g.build(seed(), statementsOnly);
    CHECK(g.flows().empty());
    CHECK(g.countAt(*siteNamed(g, "Kharkiv"), 1e6) == 0);
    CHECK(g.countAt(*siteNamed(g, "Seoul"), 1e6) == 1);
}

TEST_CASE("great circles cross the antimeridian without a jump and follow the sphere") {
    const std::vector<LonLat> arc = greatCircle({170, 60}, {-170, 60});
    for (size_t i = 1; i < arc.size(); ++i) CHECK(std::abs(arc[i].lon - arc[i - 1].lon) < 5.0);  // 1.5° of arc at 60°N
    CHECK(arc.back().lon == doctest::Approx(190.0));
    // The great circle bows poleward of the parallel.
    CHECK(arc[arc.size() / 2].lat == doctest::Approx(60.37).epsilon(0.001));  // atan(tan 60° / cos 10°)
    CHECK(greatCircleKm({0, 0}, {90, 0}) == doctest::Approx(10007.5).epsilon(0.001));
}

TEST_CASE("a flow across the antimeridian is drawn in every world copy that reaches into the view") {
    SceneGeometry g;
    g.build(seed(), {});
    // Biden's flight from Washington to Vietnam crosses the pole and the antimeridian: its path keeps
    // longitudes continuous from Washington (-77°), so Vietnam's end lies near -255°, one world west.
    const SceneFlow* flight = nullptr;
    for (const SceneFlow& f : g.flows())
        if (seed().events[f.event].id == "2023-09-biden-vietnam") flight = &f;
    REQUIRE(flight);
    CHECK(flight->path.back().lon < -180.0);
    // A view of Eurasia only (20°E to 148°E) must still draw the copy one world east.
    const MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 1600, 900);
    int first = 0, last = 0;
    g.flowWorldCopies(view, first, last);
    CHECK(first <= 0);
    CHECK(last >= 1);
    CHECK(last - first <= 2);  // not every copy, always

    // And a click on it there finds it: the middle of its last stretch, shifted a world east.
    const LonLat a = flight->path[flight->path.size() - 3], b = flight->path[flight->path.size() - 2];
    const Vec2d p = view.projectedToScreen(project(view.projection(), {0.5 * (a.lon + b.lon) + 360.0, 0.5 * (a.lat + b.lat)}));
    REQUIRE(p.x > 0);
    REQUIRE(p.x < 1600);
    const std::optional<uint32_t> picked = g.pickFlow(view, p.x, p.y, model::dayNumber(2023, 9, 12));
    REQUIRE(picked);
    CHECK(seed().events[g.flows()[*picked].event].id == "2023-09-biden-vietnam");
}

TEST_CASE("picking: a click on a marker returns its site, on a flow its flow, elsewhere nothing") {
    SceneGeometry g;
    g.build(seed(), {});
    const MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 1600, 900);
    const double day = model::dayNumber(2024, 6, 19) + 0.5;
    uint32_t kharkivIndex = 0;
    const SceneSite* kharkiv = siteNamed(g, "Kharkiv", &kharkivIndex);
    REQUIRE(kharkiv);
    const Vec2d c = g.siteOnScreen(view, *kharkiv);
    CHECK(g.pickSite(view, c.x + 3, c.y - 2, day) == kharkivIndex);
    CHECK_FALSE(g.pickSite(view, c.x, c.y, model::dayNumber(2023, 12, 31)));  // before the attack: no marker
    CHECK_FALSE(g.pickSite(view, 5, 5, day));

    // The middle of the 4.8-million-shells flow.
    size_t flowIndex = 0;
    for (; flowIndex < g.flows().size(); ++flowIndex)
        if (seed().events[g.flows()[flowIndex].event].id == "2023-09-containers-of-shells") break;
    REQUIRE(flowIndex < g.flows().size());
    const LonLat mid = g.flows()[flowIndex].path[g.flows()[flowIndex].path.size() / 2];
    const Vec2d m = view.projectedToScreen(project(Projection::Mercator, mid));
    const auto picked = g.pickFlow(view, m.x, m.y + 1, day);
    REQUIRE(picked);
    CHECK(seed().events[g.flows()[*picked].event].flow->cargo == model::Cargo::Munitions);
    CHECK_FALSE(g.pickFlow(view, m.x, m.y, model::dayNumber(2023, 8, 1)));  // not started yet
}

TEST_CASE("native-script names for place labels come from the gazetteer") {
    SceneGeometry g;
    g.build(seed(), {});
    CHECK(siteNamed(g, "Kharkiv")->nativeLabel == "Харків");      // Ukrainian, not Russian Харьков
    CHECK(siteNamed(g, "Moscow")->nativeLabel == "Москва");
    CHECK(siteNamed(g, "Pyongyang")->nativeLabel == "평양");
    CHECK(siteNamed(g, "Vladivostok")->nativeLabel == "Владивосток");
    CHECK(siteNamed(g, "Seoul")->nativeLabel == "서울");
    CHECK(siteNamed(g, "Japan")->nativeLabel.empty());  // only Russian, Ukrainian and Korean names are kept
}

// A time window shows a site only while something there started in it or is still going on, and
// counts the events started in it; what the marker shader computes, the labels and picking use.
TEST_CASE("in a time window a site counts the events started in it and disappears once all are older") {
    SceneGeometry g;
    g.build(seed(), {});
    const SceneSite* vostochny = siteNamed(g, "Vostochny Cosmodrome");
    REQUIRE(vostochny);
    const double summit = model::dayNumber(2023, 9, 13) + 0.5;
    CHECK(g.countIn(*vostochny, summit, -1e9) == g.countAt(*vostochny, summit));  // no window: everything so far
    CHECK(g.countIn(*vostochny, summit, summit - 30) == 3);
    CHECK(g.countIn(*vostochny, summit, summit - 2) == 2);  // the train came on the 10th: outside
    const double later = model::dayNumber(2025, 8, 15) + 0.5;
    CHECK(g.countAt(*vostochny, later) > 0);
    CHECK(g.countIn(*vostochny, later, later - 30) == 0);  // two years old: gone
    // Picking follows: the marker that is not drawn cannot be clicked.
    const MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 1280, 720);
    const Vec2d at = g.siteOnScreen(view, *vostochny);
    const std::optional<uint32_t> picked = g.pickSite(view, at.x, at.y, later);
    REQUIRE(picked);
    CHECK(&g.sites()[*picked] == vostochny);
    CHECK_FALSE(g.pickSite(view, at.x, at.y, later, later - 30));
}

// The legend lists only what the map shows: the kinds of the markers in view at that moment and the
// cargos of the flows drawn.
TEST_CASE("the legend's entries are the kinds of the markers in view and the cargos of the flows drawn") {
    SceneGeometry g;
    g.build(seed(), {});
    const auto bit = [](auto e) { return 1u << static_cast<unsigned>(e); };
    const MapView korea = MapView::fitBounds(Projection::Mercator, {100, 30, 150, 60}, 1280, 720);
    const MapView all = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 1280, 720);
    uint32_t kinds = 0, cargos = 0;
    g.shownAt(all, model::dayNumber(2018, 1, 1), -1e9, kinds, cargos);
    CHECK(kinds == 0);
    CHECK(cargos == 0);
    const double summit = model::dayNumber(2023, 9, 13) + 0.5;
    g.shownAt(korea, summit, -1e9, kinds, cargos);
    CHECK((kinds & bit(model::EventKind::Meeting)) != 0);         // Vostochny
    CHECK((kinds & bit(model::EventKind::TroopDeployment)) == 0);  // Kursk is out of view, and later
    CHECK((cargos & bit(model::Cargo::Munitions)) != 0);
    CHECK((cargos & bit(model::Cargo::Technology)) == 0);
    const double kursk = model::dayNumber(2024, 11, 1) + 0.5;
    g.shownAt(all, kursk, -1e9, kinds, cargos);
    CHECK((kinds & bit(model::EventKind::TroopDeployment)) != 0);
    uint32_t windowKinds = 0, windowCargos = 0;
    g.shownAt(all, kursk, kursk - 90, windowKinds, windowCargos);
    CHECK(std::popcount(windowKinds) < std::popcount(kinds));  // a window drops what is older
    CHECK((windowKinds & ~kinds) == 0);
}
