// LatLng invariants, bbox parsing and antimeridian unwrapping.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/geo_types.hpp"

using namespace briefmap;

TEST_CASE("LatLng rejects NaN and out-of-range latitudes") {
    CHECK(LatLng::make(51.73, 36.19).has_value());
    CHECK_FALSE(LatLng::make(std::numeric_limits<double>::quiet_NaN(), 0).has_value());
    CHECK_FALSE(LatLng::make(90.5, 0).has_value());
    CHECK_FALSE(LatLng::make(-91, 0).has_value());
}

TEST_CASE("bbox parsing gives a reason for every bad input") {
    std::string why;
    auto ok = parseGeoBounds("20,33,148,60", why);
    REQUIRE(ok);
    CHECK(ok->east == 148);
    CHECK_FALSE(parseGeoBounds("20,60,148,33", why));
    CHECK(why.find("south") != std::string::npos);
    CHECK_FALSE(parseGeoBounds("20,33,148,95", why));
    CHECK_FALSE(parseGeoBounds("20,33,148", why));
    CHECK_FALSE(parseGeoBounds("a,33,148,60", why));
    CHECK_FALSE(parseGeoBounds("20,33,148,60x", why));
    auto crossing = parseGeoBounds("170,50,-170,70", why);
    REQUIRE(crossing);
    CHECK(crossing->east == 190);  // crosses the antimeridian
}

TEST_CASE("a ring stitched across the antimeridian becomes continuous") {
    // Chukotka-like ring: 175 → -175 → back.
    Ring ring{{175, 65}, {179, 66}, {-179, 67}, {-175, 66}, {-176, 64}, {178, 64}, {175, 65}};
    CHECK_FALSE(unwrapRing(ring));
    for (size_t i = 1; i < ring.size(); ++i) CHECK(std::abs(ring[i].lon - ring[i - 1].lon) < 180);
    CHECK(ring[3].lon == doctest::Approx(185));
    CHECK(ring.front() == ring.back());
}

TEST_CASE("a ring that starts east of the antimeridian is shifted to start between -180 and 180") {
    Ring ring{{-178, 65}, {176, 66}, {170, 64}, {-178, 65}};
    unwrapRing(ring);
    for (size_t i = 1; i < ring.size(); ++i) CHECK(std::abs(ring[i].lon - ring[i - 1].lon) < 180);
    double west = 1e9;
    for (const LonLat& p : ring) west = std::min(west, p.lon);
    CHECK(west >= -180);
    CHECK(west < 180);
}

TEST_CASE("a polar ring is closed through its pole") {
    Ring ring;
    for (int lon = -180; lon <= 180; lon += 30) ring.push_back({double(lon == 180 ? -180 : lon), -70.0});
    ring.back().lon = -180;  // world-atlas style: comes back to the start across the seam
    ring.insert(ring.end() - 1, {170.0, -70.0});
    CHECK(unwrapRing(ring));
    CHECK(ring[ring.size() - 2].lat == -90);
    CHECK(ring.front() == ring.back());
}

TEST_CASE("signed area is positive for counter-clockwise rings") {
    Ring square{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};
    CHECK(signedArea(square) == doctest::Approx(1.0));
}
