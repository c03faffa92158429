// The base map's geodata: read through GDAL, antimeridian handled, borders told from coastlines,
// and clear errors for missing or corrupt files.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "geo/basemap.hpp"
#include "test_support.hpp"

using namespace briefmap;

namespace {
const geo::Basemap& basemap() {
    static const Result<geo::Basemap> data = geo::loadBasemap(geo::defaultGeodataDir());
    REQUIRE_MESSAGE(data.ok(), (data.ok() ? "" : data.error().message));
    return data.value();
}
const geo::Country* country(const std::string& name) {
    for (const geo::Country& c : basemap().countries)
        if (c.name == name) return &c;
    return nullptr;
}
}  // namespace

TEST_CASE("Natural Earth 1:50m countries load with names") {
    CHECK(basemap().countries.size() >= 240);
    for (const char* name : {"Russia", "Ukraine", "North Korea", "South Korea", "China", "Japan", "Fiji"})
        CHECK_MESSAGE(country(name), name);
}

TEST_CASE("no ring jumps across the map after unwrapping") {
    for (const geo::Country& c : basemap().countries)
        for (const Ring& r : c.rings)
            for (size_t i = 1; i < r.size(); ++i) {
                if (std::abs(r[i].lat) == 90 && std::abs(r[i - 1].lat) == 90) continue;  // Antarctica's pole edge
                REQUIRE(std::abs(r[i].lon - r[i - 1].lon) < 180);
            }
}

TEST_CASE("Chukotka sits beside Alaska: Russia's mainland extends east of 180") {
    const geo::Country* russia = country("Russia");
    REQUIRE(russia);
    double east = -1e9;
    for (const Ring& r : russia->rings)
        for (const LonLat& p : r) east = std::max(east, p.lon);
    CHECK(east > 185);   // Cape Dezhnev, -169.7° unwrapped
    CHECK(east < 195);
}

TEST_CASE("country labels sit inside their countries") {
    const geo::Country* russia = country("Russia");
    REQUIRE(russia);
    CHECK(russia->labelAnchor.lon > 60);   // Siberia, not the Caucasus
    CHECK(russia->labelAnchor.lon < 130);
    const geo::Country* fiji = country("Fiji");
    REQUIRE(fiji);
    CHECK(std::abs(std::fmod(fiji->labelAnchor.lon + 360, 360) - 178) < 4);  // not in the Atlantic
}

TEST_CASE("shared edges are borders, the rest coastline") {
    CHECK(basemap().countryBorders.size() > 5000);
    CHECK(basemap().coastlines.size() > 20000);
    // The Russia–Ukraine border near Kursk/Sumy (about 35.5°E, 51°N) is a border, not a coast.
    bool borderNearSumy = false, coastNearSumy = false;
    for (const geo::Segment& s : basemap().countryBorders)
        if (std::abs(s.a.lon - 35.0) < 1.5 && std::abs(s.a.lat - 51.5) < 1.0) borderNearSumy = true;
    for (const geo::Segment& s : basemap().coastlines)
        if (std::abs(s.a.lon - 35.0) < 1.5 && std::abs(s.a.lat - 51.5) < 1.0) coastNearSumy = true;
    CHECK(borderNearSumy);
    CHECK_FALSE(coastNearSumy);
}

TEST_CASE("admin-1 regions carry native-script names") {
    bool kursk = false, pyongyang = false, kharkiv = false;
    for (const geo::RegionLabel& r : basemap().admin1Labels) {
        if (r.name.find("Kursk") != std::string::npos && r.nativeName.find("Курская") != std::string::npos) kursk = true;
        if (r.countryIso2 == "KP" && r.nativeName.find("평양") != std::string::npos) pyongyang = true;
        if (r.name.find("Kharkiv") != std::string::npos && r.nativeName.find("Харків") != std::string::npos) kharkiv = true;
    }
    CHECK(kursk);
    CHECK(pyongyang);
    CHECK(kharkiv);
    CHECK(basemap().admin1Borders.size() > 1000);
}

TEST_CASE("a missing geodata file is named in the error") {
    const auto dir = test::makeTempDir("briefmap-geodata");
    Result<geo::Basemap> r = geo::loadBasemap(dir.string());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("countries-50m.fgb") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a corrupt geodata file is an error, not a crash") {
    const auto dir = test::makeTempDir("briefmap-geodata");
    std::ofstream(dir / "countries-50m.fgb") << "fgb\x03garbage that is not a flatgeobuf";
    Result<geo::Basemap> r = geo::loadBasemap(dir.string());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("countries-50m.fgb") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("network and virtual paths are refused") {
    Result<geo::Basemap> r = geo::loadBasemap("/vsicurl/http://example.invalid");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("only local files") != std::string::npos);
}
