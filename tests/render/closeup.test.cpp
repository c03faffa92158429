// The close-up map: 1:10m outlines that take over from 1:50m without a visible jump, rivers and lakes,
// and towns from the gazetteer that appear with the zoom, largest first, clear of other labels.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "geo/detail_map.hpp"
#include "geo/gazetteer.hpp"
#include "render/basemap_geometry.hpp"
#include "render/glyph_atlas.hpp"
#include "render/town_geometry.hpp"
#include "test_support.hpp"

using namespace briefmap;

namespace {

MapView viewAt(double lon, double lat, double pixelsPerDegree, int width, int height) {
    MapView view = MapView::fitBounds(Projection::Mercator, {lon - 5, lat - 3, lon + 5, lat + 3}, width, height);
    view.zoomAround(width / 2.0, height / 2.0, pixelsPerDegree / render::pixelsPerDegree(view));
    return view;
}

std::vector<bool> landMask(test::HeadlessMap& map, const MapView& view) {
    render::MapStyle style;
    style.theme = render::ThemeName::Light;
    style.coastlines = style.countryBorders = style.admin1 = style.water = false;
    style.layers.labels = false;
    map.renderer.render(view, style);
    std::vector<uint8_t> rgba;
    map.target->readRgba(rgba);
    std::vector<bool> land(rgba.size() / 4);
    for (size_t i = 0; i < land.size(); ++i) land[i] = rgba[4 * i] > 0xE0;  // land F5F2EC, sea C9DCEB: red tells them apart
    return land;
}

}  // namespace

TEST_CASE("the close-up map is built with briefmap and reads through GDAL") {
    const std::string dir = geo::detailGeodataDir(geo::defaultGeodataDir());
    REQUIRE(geo::detailAvailable(dir));
    Result<geo::DetailMap> detail = geo::loadDetailMap(dir);
    REQUIRE_MESSAGE(detail.ok(), (detail.ok() ? "" : detail.error().message));
    // 1:10m is far finer than 1:50m; rivers and lakes are there; borders are told from coasts.
    CHECK(detail->coastlines.size() > 200'000);
    CHECK(detail->countryBorders.size() > 50'000);
    CHECK(detail->rivers.size() > 5'000);
    CHECK(detail->lakes.size() > 100);
    Result<geo::DetailMap> missing = geo::loadDetailMap(test::makeTempDir("briefmap-nodetail").string());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("countries-10m.fgb") != std::string::npos);
}

TEST_CASE("towns come from the gazetteer, largest first, shown by zoom and faded in") {
    Result<render::TownSet> towns = render::TownSet::build(geo::Gazetteer::defaultPath(), render::GlyphAtlas::defaultFontPath());
    REQUIRE_MESSAGE(towns.ok(), (towns.ok() ? "" : towns.error().message));
    REQUIRE(towns->towns.size() > 50'000);
    for (size_t i = 1; i < towns->towns.size(); ++i) REQUIRE(towns->towns[i - 1].population >= towns->towns[i].population);
    bool kursk = false, kramatorsk = false;
    for (const render::Town& t : towns->towns) {
        const std::string_view name = towns->name(t);
        kursk = kursk || (name == "Kursk" && std::abs(t.lat - 51.73) < 0.1);
        kramatorsk = kramatorsk || name == "Kramators'k";  // GeoNames' U+02B9 soft sign, as an apostrophe
        CHECK(t.width > 0);
    }
    CHECK(kursk);
    CHECK(kramatorsk);

    CHECK(std::isinf(render::townPopulationThreshold(10)));
    CHECK(render::townPopulationThreshold(40) < render::townPopulationThreshold(20));
    CHECK(render::townPopulationThreshold(800) < 2'000);  // villages of a thousand in a close-up
    const double threshold = render::townPopulationThreshold(100);
    CHECK(render::townOpacity(static_cast<uint32_t>(threshold), threshold) == doctest::Approx(1.0));
    CHECK(render::townOpacity(static_cast<uint32_t>(threshold * 0.75), threshold) > 0.0f);
    CHECK(render::townOpacity(static_cast<uint32_t>(threshold * 0.75), threshold) < 1.0f);
    CHECK(render::townOpacity(static_cast<uint32_t>(threshold * 0.49), threshold) == 0.0f);
}

TEST_CASE("a close-up shows towns around Kursk clear of each other, none in the overview") {
    test::HeadlessMap map(960, 540);
    render::MapStyle style;
    map.renderer.render(viewAt(36.2, 51.7, 160, 960, 540), style);
    REQUIRE(map.renderer.closeUpLoaded());
    const render::TownSet* set = map.renderer.towns().towns();
    REQUIRE(set);
    std::set<std::string> names;
    for (uint32_t i : map.renderer.towns().placedTowns()) names.insert(std::string(set->name(set->towns[i])));
    std::string all;
    for (const std::string& n : names) all += n + "; ";
    INFO("placed: " << all);
    CHECK(names.count("Kursk") == 1);  // the city, though Kursk oblast's label point is beside it
    CHECK(names.count("Zheleznogorsk") == 1);
    CHECK(names.count("Shchigry") == 1);  // a town of 16,000, fading in at this zoom
    CHECK(names.size() < 300);

    map.renderer.render(viewAt(36.2, 51.7, 8, 960, 540), style);  // a continent: reference towns off
    CHECK(map.renderer.towns().placedTowns().empty());
}

// At the zoom where the 1:10m outlines take over (level 1), the land drawn from either source must
// agree to within antialiasing: a zoom across the switch does not visibly pop.
TEST_CASE("the switch from 1:50m to 1:10m land does not pop") {
    test::HeadlessMap map(640, 400);
    for (const LonLat at : {LonLat{129.0, 35.5}, LonLat{22.0, 38.5}, LonLat{-5.5, 57.0}}) {  // Korea, Greece, Scotland
        const MapView coarse = viewAt(at.lon, at.lat, 11.99, 640, 400);
        const MapView fine = viewAt(at.lon, at.lat, 12.01, 640, 400);
        REQUIRE(render::BasemapGeometry::levelFor(coarse) != render::BasemapGeometry::levelFor(fine));
        REQUIRE_FALSE(render::BasemapGeometry::usesDetail(render::BasemapGeometry::levelFor(coarse)));
        REQUIRE(render::BasemapGeometry::usesDetail(render::BasemapGeometry::levelFor(fine)));
        const std::vector<bool> a = landMask(map, coarse), b = landMask(map, fine);
        REQUIRE(map.renderer.closeUpLoaded());
        size_t land = 0, differing = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            land += a[i];
            differing += a[i] != b[i];
        }
        CHECK(land > a.size() / 10);
        CHECK_MESSAGE(differing < a.size() / 100, at.lon << "," << at.lat << ": " << differing << " of " << a.size()
                                                         << " pixels change between land and sea");
    }
}
