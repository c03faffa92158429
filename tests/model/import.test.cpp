// Import into the same model: GeoJSON points and lines, ACLED-style CSV with geocoded rows, and the
// GeoJSON export read back by GDAL, as QGIS would read it.
#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>

#include "model/briefing_loader.hpp"
#include "model/csv_import.hpp"
#include "model/geojson_export.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::model;
namespace fs = std::filesystem;

namespace {

std::string allText(const Diagnostics& problems) {
    std::string s;
    for (const Diagnostic& d : problems) s += d.text() + "\n";
    return s;
}

const Event* findEvent(const Briefing& b, const std::string& id) {
    for (const Event& e : b.events)
        if (e.id == id) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("GeoJSON: points become events, lines become flows, names without geometry are geocoded") {
    const fs::path dir = test::makeTempDir("briefmap-import");
    const fs::path file = dir / "events.geojson";
    test::writeTextFile(file, R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.23, 49.99]},
  "properties": {"id": "strike", "name": "Kharkiv", "time": "2024-01-02T04:00:00Z", "kind": "missile_strike", "summary": "Strike"}},
 {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[129.7, 42.3], [131.9, 43.1], [36.2, 51.7]]},
  "properties": {"id": "route", "from": "Rajin", "to": "Kursk", "start": "2024-10", "end": "2024-12", "cargo": "troops", "quantity": 11000, "unit": "troops"}},
 {"type": "Feature", "geometry": null, "properties": {"id": "named", "place": "Vladivostok", "time": 1694563200000}}
]})");
    const LoadedBriefing b = loadBriefingFile(file.string(), test::geocoder());
    REQUIRE_MESSAGE(b.ok(), allText(b.problems));
    CHECK(b.format == DataFormat::GeoJson);
    REQUIRE(b.briefing.events.size() == 3);
    const Event* strike = findEvent(b.briefing, "strike");
    REQUIRE(strike);
    CHECK(strike->kind == EventKind::MissileStrike);
    CHECK(formatDay(strike->startDay) == "2024-01-02");
    CHECK(b.briefing.places[strike->places[0]].overridden);  // the file's coordinates win
    const Event* route = findEvent(b.briefing, "route");
    REQUIRE(route);
    REQUIRE(route->flow);
    CHECK(route->kind == EventKind::TroopDeployment);
    CHECK(route->flow->via.size() == 1);
    CHECK(b.briefing.places[route->flow->to].name == "Kursk");
    CHECK(route->quantity->value == 11000);
    CHECK(formatDay(route->endDay) == "2024-12-31");
    const Event* named = findEvent(b.briefing, "named");
    REQUIRE(named);
    CHECK(formatDay(named->startDay) == "2023-09-13");  // epoch milliseconds
    const Place& vladivostok = b.briefing.places[named->places[0]];
    CHECK(vladivostok.resolvedName == "Vladivostok");
    CHECK(std::abs(vladivostok.lat - 43.1) < 0.1);
    fs::remove_all(dir);
}

TEST_CASE("GeoJSON problems name the feature") {
    const fs::path dir = test::makeTempDir("briefmap-import");
    const fs::path file = dir / "bad.geojson";
    test::writeTextFile(file, R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [200, 49.99]}, "properties": {"time": "2024-01-02"}},
 {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []}, "properties": {"time": "2024-01-02"}},
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30, 50]}, "properties": {"time": "yesterday"}}
]})");
    const LoadedBriefing b = loadBriefingFile(file.string(), test::geocoder());
    const std::string text = allText(b.problems);
    CHECK(text.find("bad.geojson:2:67: features[0].geometry.coordinates: expected [lon, lat]") != std::string::npos);
    CHECK(text.find("features[1].geometry: unsupported geometry 'Polygon'") != std::string::npos);
    CHECK(text.find("features[2].properties.time: expected a date like 2024-01-02 or 02 January 2024, got 'yesterday'") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("CSV records: quotes, doubled quotes, commas and newlines inside fields") {
    std::vector<CsvRecord> records;
    Diagnostic error;
    REQUIRE(parseCsv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3", records, error));
    REQUIRE(records.size() == 3);
    CHECK(records[1][0].text == "x, y");
    CHECK(records[1][1].text == "say \"hi\"");
    CHECK(records[1][2].text == "two\nlines");
    CHECK(records[2][1].text.empty());
    CHECK(records[2][0].line == 5);
    CHECK_FALSE(parseCsv("a,b\n\"open,1\n", records, error));
    CHECK(error.line == 2);
    CHECK(error.message == "unterminated quoted field");
}

TEST_CASE("ACLED CSV: rows with coordinates are placed there, rows without are geocoded from location") {
    const fs::path dir = test::makeTempDir("briefmap-import");
    const fs::path file = dir / "acled.csv";
    test::writeTextFile(file,
                        "event_id_cnty,event_date,event_type,sub_event_type,actor1,location,latitude,longitude,notes,source\n"
                        "UKR1,2024-01-02,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia,Kharkiv,49.9808,36.2527,\"On 2 January, a missile hit Kharkiv, \"\"debris\"\" found.\",Ukrinform\n"
                        "RUS2,05 November 2024,Battles,Armed clash,Military Forces of North Korea,Kursk,,,Clash near Kursk,Media\n"
                        "RUS3,2024-11-06,Strategic developments,Agreement,Government of Russia,Vladivostok,,,Agreement signed,TASS\n");
    const LoadedBriefing b = loadBriefingFile(file.string(), test::geocoder());
    REQUIRE_MESSAGE(b.ok(), allText(b.problems));
    CHECK(b.format == DataFormat::Csv);
    REQUIRE(b.briefing.events.size() == 3);
    const Event* strike = findEvent(b.briefing, "UKR1");
    REQUIRE(strike);
    CHECK(strike->kind == EventKind::MissileStrike);
    CHECK(strike->sources[0].quote == "On 2 January, a missile hit Kharkiv, \"debris\" found.");
    CHECK(strike->attribution == std::vector<std::string>{"Ukrinform"});
    const Event* clash = findEvent(b.briefing, "RUS2");
    REQUIRE(clash);
    CHECK(clash->kind == EventKind::TroopDeployment);
    CHECK(formatDay(clash->startDay) == "2024-11-05");
    const Place& kursk = b.briefing.places[clash->places[0]];
    CHECK(!kursk.overridden);
    CHECK(std::abs(kursk.lat - 51.73) < 0.2);
    CHECK(findEvent(b.briefing, "RUS3")->kind == EventKind::Agreement);
    fs::remove_all(dir);
}

TEST_CASE("ACLED CSV problems carry row line and column") {
    const fs::path dir = test::makeTempDir("briefmap-import");
    const fs::path file = dir / "bad.csv";
    test::writeTextFile(file,
                        "event_date,event_type,location,latitude,longitude\n"
                        "2024-13-02,Battles,Kursk,,\n"
                        "2024-01-02,Battles,Kursk,95,36\n"
                        "2024-01-02,Battles,Xyzzyqwv,,\n");
    const LoadedBriefing b = loadBriefingFile(file.string(), test::geocoder());
    const std::string text = allText(b.problems);
    CHECK_MESSAGE(text.find("bad.csv:2:1: event_date: expected a date like 2024-01-02 or 02 January 2024, got '2024-13-02'") != std::string::npos, text);
    CHECK_MESSAGE(text.find("bad.csv:3:26: latitude: expected a latitude within ±90, got '95'") != std::string::npos, text);
    CHECK_MESSAGE(text.find("bad.csv:4:20: location: place 'Xyzzyqwv' not found") != std::string::npos, text);
    test::writeTextFile(file, "date,what\n2024-01-01,x\n");
    CHECK(loadBriefingFile(file.string(), test::geocoder()).problems[0].message.rfind("missing column 'event_date'", 0) == 0);
    fs::remove_all(dir);
}

TEST_CASE("convert --to geojson: GDAL reads back every event with its kind, dates and flow geometry") {
    const fs::path dir = test::makeTempDir("briefmap-convert");
    const fs::path out = dir / "seed.geojson";
    const auto run = test::runBriefmap({"convert", "--to", "geojson", "--out", out.string(), defaultBriefingPath()});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    const LoadedBriefing seed = loadBriefingFile(defaultBriefingPath(), test::geocoder());
    GDALAllRegister();
    const char* drivers[] = {"GeoJSON", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    REQUIRE(layer);
    CHECK(layer->GetFeatureCount() == static_cast<GIntBig>(seed.briefing.events.size()));
    size_t lines = 0, flows = 0;
    for (const Event& e : seed.briefing.events) flows += e.flow.has_value();
    for (const auto& feature : *layer) {
        const OGRGeometry* g = feature->GetGeometryRef();
        REQUIRE(g);
        if (wkbFlatten(g->getGeometryType()) == wkbLineString) {
            ++lines;
            CHECK(std::string(feature->GetFieldAsString("cargo")).size() > 0);
        }
        CHECK(std::string(feature->GetFieldAsString("start")).size() == 10);
        CHECK(std::string(feature->GetFieldAsString("quote")).size() > 10);
    }
    CHECK(lines == flows);
    // Bad input: the problems, exit 1, nothing written.
    const fs::path bad = dir / "bad.json";
    test::writeTextFile(bad, "{\"events\": [}");
    const auto failed = test::runBriefmap({"convert", "--to", "geojson", "--out", (dir / "x.geojson").string(), bad.string()});
    CHECK(failed.exitCode == 1);
    CHECK(!fs::exists(dir / "x.geojson"));
    CHECK(test::runBriefmap({"convert", "--to", "kml", bad.string()}).exitCode == 2);
    fs::remove_all(dir);
}
