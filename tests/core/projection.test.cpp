// Projection math: a table of known points (checked against PROJ through GDAL) and round trips.
#include <doctest/doctest.h>
#include <ogr_spatialref.h>

#include <cmath>

#include "core/projection.hpp"
#include "test_support.hpp"

using namespace briefmap;

TEST_CASE("Web Mercator known points") {
    struct Row { double lon, lat, x, y; };
    const Row rows[] = {
        {0, 0, 0, 0},
        {180, 0, 20037508.342789244, 0},
        {-180, 0, -20037508.342789244, 0},
        {0, kMercatorMaxLat, 0, 20037508.342789244},
    };
    for (const Row& r : rows) {
        const Vec2d p = project(Projection::Mercator, {r.lon, r.lat});
        CHECK(p.x == doctest::Approx(r.x).epsilon(1e-6));
        CHECK(p.y == doctest::Approx(r.y).epsilon(1e-6));
    }
}

TEST_CASE("Web Mercator agrees with PROJ for briefing places") {
    const auto ct = test::makeWgs84ToWebMercator();
    REQUIRE(ct);
    const LonLat places[] = {{125.7625, 39.0392}, {36.1872, 51.7373}, {36.2304, 49.9935}, {128.3339, 51.8844},
                             {-149.9003, 61.2181}, {-77.0369, 38.9072}, {-179.9, -85.0}};
    for (const LonLat& ll : places) {
        double x = ll.lon, y = ll.lat;
        REQUIRE(ct->Transform(1, &x, &y));
        const Vec2d p = project(Projection::Mercator, ll);
        CHECK(p.x == doctest::Approx(x).epsilon(1e-9));
        CHECK(p.y == doctest::Approx(y).epsilon(1e-9));
    }
}

TEST_CASE("projections round-trip") {
    for (Projection proj : {Projection::Mercator, Projection::Equirect}) {
        for (double lat = -80; lat <= 80; lat += 7.5)
            for (double lon = -180; lon <= 180; lon += 22.5) {
                const LonLat back = unproject(proj, project(proj, {lon, lat}));
                CHECK(back.lon == doctest::Approx(lon).epsilon(1e-12));
                CHECK(back.lat == doctest::Approx(lat).epsilon(1e-12));
            }
    }
}

TEST_CASE("Mercator clamps the poles instead of producing infinities") {
    const Vec2d north = project(Projection::Mercator, {0, 90});
    CHECK(std::isfinite(north.y));
    CHECK(north.y == doctest::Approx(20037508.342789244));
}

TEST_CASE("projection names parse") {
    CHECK(parseProjection("mercator") == Projection::Mercator);
    CHECK(parseProjection("equirect") == Projection::Equirect);
    CHECK_FALSE(parseProjection("lambert").has_value());
    CHECK(epsgCode(Projection::Mercator) == 3857);
    CHECK(epsgCode(Projection::Equirect) == 4326);
}
