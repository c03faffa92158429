// Geodesics on WGS84 through PROJ: known distances, circles whose every point is at the radius,
// rings around a pole, paths that cross the antimeridian continuously.
#include <doctest/doctest.h>

#include <cmath>

#include "core/geodesic.hpp"

using namespace briefmap;

TEST_CASE("geodesic distances match known WGS84 values") {
    REQUIRE(geodesicsAvailable());
    // One degree of longitude on the equator: a·π/180.
    CHECK(geodesicInverse({0, 0}, {1, 0})->metres == doctest::Approx(111319.4908).epsilon(1e-9));
    // A quarter meridian, equator to pole (10,001,965.729 m on WGS84).
    CHECK(geodesicInverse({0, 0}, {0, 90})->metres == doctest::Approx(10001965.729).epsilon(1e-9));
    // The example in PROJ's geodesic.h (JFK, azimuth 45°, 10,000 km) and back: the same distance
    // and bearing.
    const auto to = geodesicDestination({-73.78, 40.64}, 45, 10e6);
    REQUIRE(to);
    const auto back = geodesicInverse({-73.78, 40.64}, *to);
    CHECK(back->metres == doctest::Approx(10e6).epsilon(1e-9));
    CHECK(back->azimuth1 == doctest::Approx(45).epsilon(1e-9));
    // Pyongyang to Moscow, against the spherical estimate: within half a percent of it.
    const auto pm = geodesicInverse({125.7625, 39.0392}, {37.6173, 55.7558});
    CHECK(pm->metres / 1000 == doctest::Approx(greatCircleKm({125.7625, 39.0392}, {37.6173, 55.7558})).epsilon(0.005));
}

TEST_CASE("a range ring is the set of points at its radius, closed, with continuous longitudes") {
    const auto ring = geodesicCircle({125.75, 39.03}, 900'000, 64);
    REQUIRE(ring);
    REQUIRE(ring->size() == 65);
    CHECK(ring->front() == ring->back());
    for (size_t i = 0; i < ring->size(); ++i) {
        CHECK(geodesicInverse({125.75, 39.03}, (*ring)[i])->metres == doctest::Approx(900'000).epsilon(1e-9));
        if (i) CHECK(std::abs((*ring)[i].lon - (*ring)[i - 1].lon) < 180);
    }
    // A ring around the North Pole: its longitudes run once around the world.
    const auto polar = geodesicCircle({0, 80}, 2'000'000, 64);
    REQUIRE(polar);
    CHECK(std::abs(polar->back().lon - polar->front().lon) == doctest::Approx(360));
}

TEST_CASE("a path across the antimeridian keeps its longitudes continuous") {
    const auto path = geodesicPath({170, 60}, {-170, 60}, 50'000);
    REQUIRE(path);
    CHECK(path->front().lon == 170);
    CHECK(path->back().lon == doctest::Approx(190));
    for (size_t i = 1; i < path->size(); ++i) CHECK(std::abs((*path)[i].lon - (*path)[i - 1].lon) < 5);
    CHECK(!geodesicInverse({0, 95}, {0, 0}));  // not a point on the Earth
}

TEST_CASE("distances read as a presenter writes them") {
    CHECK(formatDistance(850) == "850 m (0.5 mi)");
    CHECK(formatDistance(12'500, false) == "12.5 km");
    CHECK(formatDistance(6'703'000) == "6,703 km (4,165 mi)");
}
