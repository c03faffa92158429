// The base-map cache: what it returns is exactly what loading the geodata returns, and a cache file
// that is damaged, from other geodata or missing is never trusted.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "geo/basemap_cache.hpp"
#include "test_support.hpp"

using namespace briefmap;

namespace {

bool sameSegments(const std::vector<geo::Segment>& a, const std::vector<geo::Segment>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!(a[i].a == b[i].a && a[i].b == b[i].b)) return false;
    return true;
}

bool sameBasemap(const geo::Basemap& a, const geo::Basemap& b) {
    if (a.countries.size() != b.countries.size() || a.admin1Labels.size() != b.admin1Labels.size()) return false;
    for (size_t i = 0; i < a.countries.size(); ++i) {
        const geo::Country &x = a.countries[i], &y = b.countries[i];
        if (x.id != y.id || x.name != y.name || x.rings != y.rings || !(x.labelAnchor == y.labelAnchor) || x.labelArea != y.labelArea)
            return false;
    }
    for (size_t i = 0; i < a.admin1Labels.size(); ++i) {
        const geo::RegionLabel &x = a.admin1Labels[i], &y = b.admin1Labels[i];
        if (!(x.anchor == y.anchor) || x.name != y.name || x.nativeName != y.nativeName || x.countryIso2 != y.countryIso2 ||
            x.rank != y.rank)
            return false;
    }
    return sameSegments(a.coastlines, b.coastlines) && sameSegments(a.countryBorders, b.countryBorders) &&
           sameSegments(a.admin1Borders, b.admin1Borders);
}

geo::Basemap small() {
    geo::Basemap map;
    map.countries.push_back({"643", "Russia", {{{30, 50}, {40, 50}, {40, 60}, {30, 50}}}, {35, 55}, 12.5});
    map.countries.push_back({"408", "North Korea", {}, {127, 40}, 0});
    map.coastlines = {{{0, 0}, {1, 1}}};
    map.countryBorders = {{{1, 1}, {2, 2}}, {{2, 2}, {3, 3}}};
    map.admin1Labels.push_back({{36, 51.7}, "Kursk Oblast", "Курская область", "RU", 3});
    return map;
}

// XDG_CACHE_HOME pointed at `dir` for the test's lifetime, then put back.
struct CacheHomeAt {
    explicit CacheHomeAt(const std::filesystem::path& dir) {
        if (const char* old = std::getenv("XDG_CACHE_HOME")) saved = old;
        setenv("XDG_CACHE_HOME", dir.c_str(), 1);
    }
    ~CacheHomeAt() {
        if (saved) setenv("XDG_CACHE_HOME", saved->c_str(), 1);
        else unsetenv("XDG_CACHE_HOME");
    }
    std::optional<std::string> saved;
};

size_t filesUnder(const std::filesystem::path& dir) {
    size_t files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) files += e.is_regular_file();
    return files;
}

}  // namespace

TEST_CASE("the base-map cache round-trips every field") {
    const geo::Basemap map = small();
    const std::optional<geo::Basemap> back = geo::deserializeBasemap(geo::serializeBasemap(map, 42), 42);
    REQUIRE(back);
    CHECK(sameBasemap(map, *back));
}

TEST_CASE("a damaged or foreign base-map cache is refused") {
    const std::string bytes = geo::serializeBasemap(small(), 42);
    CHECK_FALSE(geo::deserializeBasemap(bytes, 43));  // other geodata
    for (size_t cut : {size_t{0}, size_t{7}, bytes.size() / 2, bytes.size() - 1}) CHECK_FALSE(geo::deserializeBasemap(bytes.substr(0, cut), 42));
    CHECK_FALSE(geo::deserializeBasemap(bytes + "x", 42));
    // A count field turned huge must be refused before anything is allocated for it.
    for (size_t at = 20; at + 8 <= bytes.size(); at += 7) {
        std::string bad = bytes;
        for (size_t i = 0; i < 8; ++i) bad[at + i] = '\xff';
        const std::optional<geo::Basemap> back = geo::deserializeBasemap(bad, 42);
        if (back) CHECK(back->countries.size() <= 2);
    }
}

TEST_CASE("loading through the cache gives what loading the geodata gives and writes the cache once") {
    const auto cache = test::makeTempDir("briefmap-cache");
    size_t files = 0;
    Result<geo::Basemap> direct = Error{""}, first = Error{""}, second = Error{""};
    {
        const CacheHomeAt home(cache);
        direct = geo::loadBasemap(geo::defaultGeodataDir());
        first = geo::loadBasemapCached(geo::defaultGeodataDir());
        second = geo::loadBasemapCached(geo::defaultGeodataDir());
        files = filesUnder(cache);
    }
    std::filesystem::remove_all(cache);
    REQUIRE(direct.ok());
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(files == 1);
    CHECK(sameBasemap(*direct, *first));
    CHECK(sameBasemap(*direct, *second));
}

TEST_CASE("the cache does not hide missing geodata") {
    const auto dir = test::makeTempDir("briefmap-geodata");
    Result<geo::Basemap> r = geo::loadBasemapCached(dir.string());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("countries-50m.fgb") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("the cache folder keeps only the few most recently used base maps") {
    const auto cache = test::makeTempDir("briefmap-cache");
    const auto geodata = test::makeTempDir("briefmap-geodata");
    std::optional<CacheHomeAt> home(std::in_place, cache);
    for (const auto& entry : std::filesystem::directory_iterator(geo::defaultGeodataDir()))
        std::filesystem::copy(entry.path(), geodata / entry.path().filename());
    // Six different contents (a byte appended to the labels file each time: FlatGeobuf ignores it).
    size_t loaded = 0;
    for (int i = 0; i < 6; ++i) {
        std::ofstream(geodata / "admin1-labels.fgb", std::ios::app) << ' ';
        loaded += geo::loadBasemapCached(geodata.string()).ok();
    }
    const size_t files = filesUnder(cache);
    home.reset();
    std::filesystem::remove_all(cache);
    std::filesystem::remove_all(geodata);
    CHECK(loaded == 6);
    CHECK(files == 4);
}
