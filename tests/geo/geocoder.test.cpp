// The geocoder: the design card's names, every kind of variant, ambiguity decided by context, unknown
// names, and the labelled domain set in tests/fixtures (≥ 95% within tolerance).
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "geo/geocoder.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::geo;

namespace {

const Gazetteer& gazetteer() {
    static const Result<Gazetteer> g = Gazetteer::load(Gazetteer::defaultPath());
    REQUIRE_MESSAGE(g.ok(), (g.ok() ? "" : g.error().message));
    return g.value();
}

double km(const PlaceRecord& p, double lat, double lon) {
    const double r = std::numbers::pi / 180;
    const double a = std::pow(std::sin((p.lat - lat) * r / 2), 2) +
                     std::cos(lat * r) * std::cos(p.lat * r) * std::pow(std::sin((p.lon - lon) * r / 2), 2);
    return 6371 * 2 * std::asin(std::sqrt(a));
}

// Asserts that `name` resolves within `tolerance` km of (lat, lon); returns the result.
GeocodeResult expectNear(const std::string& name, double lat, double lon, double tolerance = 25,
                         const GeocodeOptions& options = {}) {
    const Geocoder geocoder(gazetteer());
    GeocodeResult r = geocoder.geocode(name, options);
    REQUIRE_MESSAGE(r.best.has_value(), name);
    const PlaceRecord& p = gazetteer().place(r.best->place);
    CHECK_MESSAGE(km(p, lat, lon) <= tolerance, name << " → " << gazetteer().placeName(r.best->place) << " at "
                                                     << p.lat << "," << p.lon);
    return r;
}

}  // namespace

TEST_CASE("the design card's five names") {
    expectNear("Vladivostok", 43.11, 131.87);
    expectNear("Kursk", 51.74, 36.19);
    expectNear("Vostochny", 51.884, 128.334, 10);
    expectNear("Pyongyang", 39.03, 125.75);
    expectNear("Kharkiv", 49.99, 36.23);
}

TEST_CASE("exonyms, transliterations and native scripts") {
    expectNear("Kiev", 50.45, 30.52);
    expectNear("Kharkov", 49.99, 36.23);
    expectNear("Odessa", 46.48, 30.73);
    expectNear("P'yŏngyang", 39.03, 125.75);
    expectNear("Pyeongyang", 39.03, 125.75);
    expectNear("Rajin", 42.26, 130.29);
    expectNear("Rason", 42.26, 130.29);
    expectNear("Vostochnyy", 51.884, 128.334, 10);
    expectNear("Пхеньян", 39.03, 125.75);
    expectNear("Харків", 49.99, 36.23);
    expectNear("평양", 39.03, 125.75);
}

TEST_CASE("qualifiers choose the region over the city") {
    const GeocodeResult region = expectNear("Kursk region", 51.5, 36.0, 120);
    CHECK(gazetteer().place(region.best->place).kind == PlaceKind::Admin1);
    CHECK(gazetteer().place(expectNear("Amur Oblast", 52.9, 128.3, 150).best->place).kind == PlaceKind::Admin1);
    CHECK(gazetteer().place(expectNear("the city of Kursk", 51.74, 36.19).best->place).kind != PlaceKind::Admin1);
}

TEST_CASE("typos resolve with lower confidence") {
    const GeocodeResult r = expectNear("Vladivostock", 43.11, 131.87);
    CHECK(r.confidence < 0.8);
    CHECK(expectNear("Pyongyan", 39.03, 125.75).confidence < 0.8);
}

TEST_CASE("context and country hints decide between namesakes") {
    expectNear("Moscow", 55.75, 37.62);
    expectNear("Moscow", 46.73, -117.0, 25, {.context = "He teaches at the university in Moscow, Idaho."});
    expectNear("Vostochny", 42.74, 133.04, 20, {.context = "Coal shipped through the port of Vostochny near Nakhodka."});
    expectNear("Washington", 38.90, -77.04, 25, {.context = "The White House said Washington would respond."});
    expectNear("Odessa", 31.85, -102.37, 25, {.countryHint = "US"});
}

TEST_CASE("results carry kind, country, admin-1 and runners-up") {
    const Geocoder geocoder(gazetteer());
    const GeocodeResult r = geocoder.geocode("Moscow", {.top = 3});
    REQUIRE(r.best);
    const PlaceRecord& p = gazetteer().place(r.best->place);
    CHECK(p.kind == PlaceKind::Capital);
    CHECK(std::string(p.country, 2) == "RU");
    CHECK(r.runnersUp.size() == 3);
    CHECK(r.confidence > 0.5);
}

TEST_CASE("unknown names are not found, never guessed") {
    const Geocoder geocoder(gazetteer());
    const GeocodeResult r = geocoder.geocode("Xyzzyville");
    CHECK_FALSE(r.best.has_value());
    CHECK_FALSE(geocoder.geocode("").best.has_value());
    CHECK_FALSE(geocoder.geocode("!!!").best.has_value());
}

TEST_CASE("the labelled domain set resolves at 95% or better") {
    const Geocoder geocoder(gazetteer());
    std::ifstream in(std::string(BRIEFMAP_TEST_DIR) + "/fixtures/geocode-cases.jsonl");
    REQUIRE(in);
    int total = 0, good = 0;
    for (std::string line; std::getline(in, line);) {
        const nlohmann::json c = nlohmann::json::parse(line);
        GeocodeOptions options;
        const std::string context = c.value("context", "");
        options.context = context;
        options.countryHint = c.value("country", "");
        const GeocodeResult r = geocoder.geocode(c["query"].get<std::string>(), options);
        ++total;
        bool ok = false;
        if (c["expect"].is_null()) ok = !r.best;
        else if (r.best)
            ok = km(gazetteer().place(r.best->place), c["expect"][0], c["expect"][1]) <= c["tolerance_km"].get<double>();
        if (!ok) MESSAGE("miss: " << c["query"].get<std::string>());
        good += ok;
    }
    MESSAGE(good << "/" << total);
    CHECK(total >= 150);
    CHECK(double(good) / total >= 0.95);
}

TEST_CASE("a corrupt or truncated gazetteer is refused with a reason") {
    const auto dir = test::makeTempDir("briefmap-gazetteer");
    std::ofstream(dir / "short.bin") << "BMGAZ04";
    CHECK(Gazetteer::load((dir / "short.bin").string()).error().message.find("truncated") != std::string::npos);
    std::string bytes(4096, '\0');
    std::memcpy(bytes.data(), "BMGAZ04", 8);
    for (size_t i = 8; i < 100; ++i) bytes[i] = static_cast<char>(0xFF);  // counts and offsets out of range
    std::ofstream(dir / "bad.bin", std::ios::binary) << bytes;
    CHECK(Gazetteer::load((dir / "bad.bin").string()).error().message.find("corrupt") != std::string::npos);
    CHECK_FALSE(Gazetteer::load((dir / "missing.bin").string()).ok());
    std::filesystem::remove_all(dir);
}
