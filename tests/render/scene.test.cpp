// The briefing as the map draws it (CPU side): merged sites, markers that grow and change colour with
// time by the shaders' rule, great circles across the antimeridian, and picking at a screen point.
#include <bit>
#include <doctest/doctest.h>

#include <algorithm>

#include <cmath>

#include "model/briefing_loader.hpp"
#include "model/date.hpp"
#include "render/scene_geometry.hpp"
#include "geo/basemap_cache.hpp"
#include "render/country_shapes.hpp"
#include "render/uncertainty_layer.hpp"
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
    const SceneSite* moscow = siteNamed(g, "Moscow");
    REQUIRE(moscow);
    CHECK(moscow->places.size() == 2);  // Moscow and the Kremlin
    CHECK(siteNamed(g, "Kursk region"));  // a flow's destination is a place on the map too
}

// "North Korea" alone is not Pyongyang: a country named as a place is a site of its own, shown as
// the country (tinted, its marker at the country's label point), and a flow from or to a country
// as a whole puts no marker on its capital.
TEST_CASE("a country named as a place is its own site: the country tinted and its marker at its label point") {
    SceneGeometry g;
    g.build(seed(), {});
    const SceneSite* pyongyang = siteNamed(g, "Pyongyang");
    const SceneSite* northKorea = siteNamed(g, "North Korea");
    REQUIRE(pyongyang);
    REQUIRE(northKorea);
    CHECK(pyongyang->places.size() == 1);
    CHECK(northKorea->country);
    CHECK(!pyongyang->country);
    CHECK(northKorea->position == pyongyang->position);  // the gazetteer gives the capital's point
    // "Russia" is named as a flow's end in many events and as a place in few: only those count.
    const SceneSite* russia = siteNamed(g, "Russia");
    REQUIRE(russia);
    for (uint32_t e : russia->events) {
        const model::Event& event = seed().events[e];
        CHECK(std::find(event.places.begin(), event.places.end(), russia->places.front()) != event.places.end());
    }
    const Result<geo::Basemap> basemap = geo::loadBasemapCached(geo::defaultGeodataDir());
    REQUIRE(basemap);
    const CountryShapes countries(*basemap);
    const size_t areasBefore = g.areas().size();
    g.placeCountries(countries);
    northKorea = siteNamed(g, "North Korea");
    CHECK(northKorea->countryArea);
    // Moved into North Korea, away from the capital, and its country's outline is an area from its first event on.
    CHECK(greatCircleKm(northKorea->position, pyongyang->position) > 30);
    CHECK(ringsContain(countries.at(pyongyang->position)->rings, northKorea->position));
    CHECK(g.areas().size() > areasBefore);
    bool tinted = false;
    for (const SceneArea& a : g.areas()) tinted = tinted || (a.country && a.start == static_cast<float>(northKorea->starts.front()));
    CHECK(tinted);
    // Under a filter that hides all its events it still moves (its label, laid out once per data
    // set, must sit where a later filter draws its marker), but nothing is tinted.
    SceneGeometry filtered;
    model::EventFilter none;
    none.kinds.reset();
    filtered.build(seed(), none);
    filtered.placeCountries(countries);
    CHECK(siteNamed(filtered, "North Korea")->position == northKorea->position);
    CHECK(filtered.areas().empty());
    // Its markers moved with it.
    const auto shown = markersShownAt(g, static_cast<float>(northKorea->position.lon), static_cast<float>(northKorea->position.lat),
                                      model::dayNumber(2030, 1, 1));
    CHECK(!shown.empty());
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

// Hanoi → Washington's great circle passes within a few degrees of the North Pole: on a Mercator map
// it would run off the top edge and back down. It is drawn as an arc in the map plane instead, the
// short way round (across the Pacific), with continuous longitudes; ordinary flows keep their
// great circles.
TEST_CASE("a flow whose great circle passes near a pole is drawn as an arc that stays on the map") {
    const LonLat hanoi{105.85, 21.03}, washington{-77.04, 38.91};
    double greatTop = 0;
    for (const LonLat& p : greatCircle(hanoi, washington, 3.0)) greatTop = std::max(greatTop, p.lat);
    CHECK(greatTop > kPolarFlowLatitude);
    const std::vector<LonLat> path = flowPath(hanoi, washington, 3.0);
    REQUIRE(path.size() >= 3);
    CHECK(path.front() == hanoi);
    CHECK(path.back().lat == doctest::Approx(washington.lat).epsilon(1e-9));
    CHECK(path.back().lon == doctest::Approx(washington.lon + 360).epsilon(1e-9));  // east across the Pacific
    double top = 0;
    for (size_t i = 0; i < path.size(); ++i) {
        top = std::max(top, path[i].lat);
        if (i) CHECK(path[i].lon > path[i - 1].lon);  // always eastward: no vertical run to the pole
    }
    CHECK(top < kPolarFlowLatitude);
    CHECK(top > washington.lat);  // bowed towards the pole
    // Pyongyang → Moscow stays a great circle.
    const LonLat pyongyang{125.75, 39.03}, moscow{37.62, 55.75};
    CHECK(flowPath(pyongyang, moscow, 3.0) == greatCircle(pyongyang, moscow, 3.0));
}

// A place known within 100 km gets a circle of 100 km on the map: about 0.9° of latitude, so at
// 60°N on Mercator twice the pixels of the same circle at the equator.
TEST_CASE("an uncertain place's circle is as wide as its distance on the map") {
    const MapView view = MapView::fitBounds(Projection::Mercator, {0, -10, 40, 70}, 1000, 1000);
    const double perDegree = std::abs(view.projectedToScreen(project(Projection::Mercator, {10, 0})).y -
                                      view.projectedToScreen(project(Projection::Mercator, {10, 1})).y);
    CHECK(uncertaintyPixels(view, {10, 0}, 111.195) == doctest::Approx(perDegree).epsilon(0.01));
    CHECK(uncertaintyPixels(view, {10, 60}, 100) / uncertaintyPixels(view, {10, 0}, 100) == doctest::Approx(2.0).epsilon(0.02));
    const MapView flat = MapView::fitBounds(Projection::Equirect, {0, -10, 40, 70}, 1000, 1000);
    CHECK(uncertaintyPixels(flat, {10, 60}, 100) == doctest::Approx(uncertaintyPixels(flat, {10, 0}, 100)).epsilon(0.001));
}

// Size by quantity (--size-by quantity, the Map panel): a place's marker grows with the reported
// quantity of its events so far, on the flows' logarithmic scale; places without figures stay small.
TEST_CASE("markers sized by quantity grow with the reported figures, not the count") {
    SceneGeometry g;
    g.build(seed(), {});
    const double day = model::dayNumber(2025, 8, 15), since = -1e9;
    const SceneSite* kursk = nullptr;
    const SceneSite* smallest = nullptr;
    for (const SceneSite& s : g.sites()) {
        if (s.label == "Kursk region") kursk = &s;
        if (g.countIn(s, day, since) > 0 && g.quantityIn(s, day, since) == 0 && !smallest) smallest = &s;
    }
    REQUIRE(kursk);
    REQUIRE(smallest);
    CHECK(g.quantityIn(*kursk, day, since) >= 10'000);  // ~15,000 troops
    CHECK(g.quantityIn(*kursk, model::dayNumber(2019, 1, 1), since) == 0);  // nothing yet
    const float byCount = g.radiusIn(*kursk, day, since);
    g.setSizeByQuantity(true);
    const float byQuantity = g.radiusIn(*kursk, day, since);
    CHECK(byCount == markerRadius(static_cast<float>(g.countIn(*kursk, day, since))));
    CHECK(byQuantity == quantityRadius(g.quantityIn(*kursk, day, since)));
    CHECK(byQuantity > byCount);
    CHECK(g.radiusIn(*smallest, day, since) == doctest::Approx(4.5f));  // no figure: the smallest marker
    CHECK(quantityRadius(15'000) < quantityRadius(4'800'000));
    CHECK(quantityRadius(1e15) <= 22.0f);
    // A window that starts after every event here but one still ongoing counts that one's own figure.
    CHECK(g.quantityIn(*kursk, day, day + 1) <= g.quantityIn(*kursk, day, since));
}
