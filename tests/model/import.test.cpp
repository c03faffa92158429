// Import of the files people have (tests/fixtures/import/, shaped like ACLED, UCDP, GDELT, USGS,
// kepler.gl, KML, GPX exports; see its MANIFEST.md): rows imported, rows skipped and why, field
// values; and the GeoJSON export read back by GDAL, as QGIS would read it.
#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>

#include "model/briefing_loader.hpp"
#include "model/data_frame.hpp"
#include "model/geojson_export.hpp"
#include "model/time_formats.hpp"
#include "model/timeline.hpp"
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



fs::path fixture(const std::string& name) { return fs::path(BRIEFMAP_TEST_DIR) / "fixtures" / "import" / name; }

LoadedBriefing load(const std::string& name, ImportOptions options = {}) {
    return loadBriefingFile(fixture(name).string(), test::geocoder(), options);
}

const Place& placeOf(const LoadedBriefing& b, const Event& e) { return b.briefing.places[e.places.at(0)]; }

bool near(double a, double b) { return std::abs(a - b) < 1e-4; }

std::string notes(const ImportReport& r) {
    std::string s;
    for (const std::string& n : r.notes) s += n + "\n";
    return s;
}

}  // namespace

TEST_CASE("ACLED export: d-Mon-YY dates, six event types mapped honestly, two bad rows skipped with reasons") {
    const LoadedBriefing b = load("acled_export.csv");
    REQUIRE_MESSAGE(b.ok(), allText(b.problems));
    CHECK(b.format == DataFormat::Csv);
    CHECK(b.report.rows == 22);
    CHECK(b.briefing.events.size() == 20);
    CHECK(b.report.skippedBecause.at("bad dates") == 1);
    CHECK(b.report.skippedBecause.at("without coordinates") == 1);
    CHECK(b.report.summary() == "22 rows read, 20 events imported, 2 skipped: 1 bad dates, 1 without coordinates");
    const std::string skipped = allText(b.report.skipped);
    CHECK_MESSAGE(skipped.find("acled_export.csv: row 15 (event_date): not a date in d-Mon-YY: '31-Feb-23'") != std::string::npos, skipped);
    CHECK_MESSAGE(skipped.find("acled_export.csv: row 7: no coordinates and no place name") != std::string::npos, skipped);
    CHECK(notes(b.report).find("dates in 'event_date' read as d-Mon-YY") != std::string::npos);
    const Event* protest = findEvent(b.briefing, "SDN20101");
    REQUIRE(protest);
    CHECK(formatDay(protest->startDay) == "2020-05-09");
    CHECK(protest->kind == EventKind::Protest);
    CHECK(protest->sourceType == "Protests: Peaceful protest");
    CHECK(near(placeOf(b, *protest).lat, 15.6445));
    CHECK(near(placeOf(b, *protest).lon, 32.4777));
    CHECK(placeOf(b, *protest).name == "Omdurman");
    const Event* clash = findEvent(b.briefing, "SDN23001");
    REQUIRE(clash);
    CHECK(clash->kind == EventKind::Battle);  // not a troop deployment
    CHECK(formatDay(clash->startDay) == "2023-04-15");  // event_date, not ACLED's upload timestamp
    const Event* kidal = findEvent(b.briefing, "MLI23110");
    REQUIRE(kidal);
    CHECK(std::count(kidal->summary.begin(), kidal->summary.end(), '\n') == 1);  // a quoted two-line note
    size_t kinds[static_cast<size_t>(EventKind::Count)] = {};
    for (const Event& e : b.briefing.events) ++kinds[static_cast<size_t>(e.kind)];
    CHECK(kinds[static_cast<size_t>(EventKind::ViolenceAgainstCivilians)] == 3);
    CHECK(kinds[static_cast<size_t>(EventKind::Riot)] == 2);
    CHECK(kinds[static_cast<size_t>(EventKind::Agreement)] == 1);
    CHECK(kinds[static_cast<size_t>(EventKind::Statement)] == 0);
    // Unmapped columns stay as attributes (fatalities is the quantity; country, admin1… are kept).
    const auto& columns = b.briefing.attributes.columns;
    const auto country = std::find(columns.begin(), columns.end(), "country");
    REQUIRE(country != columns.end());
    CHECK(b.briefing.attributes.value(protest->attributeRow, static_cast<size_t>(country - columns.begin())) == "Sudan");
    // --strict refuses the file, naming both rows.
    ImportOptions strict;
    strict.strict = true;
    const LoadedBriefing refused = load("acled_export.csv", strict);
    CHECK_FALSE(refused.ok());
    CHECK(refused.problems.size() == 2);
    CHECK(refused.briefing.events.empty());
}

TEST_CASE("ACLED semicolons and long dates, UCDP GED start and end, types of violence") {
    const LoadedBriefing acled = load("acled_long_dates.csv");
    REQUIRE_MESSAGE(acled.ok(), allText(acled.problems));
    CHECK(acled.briefing.events.size() == 8);
    CHECK(notes(acled.report).find("read as DD Month YYYY") != std::string::npos);
    bool nyala = false;
    for (const Event& e : acled.briefing.events)
        if (placeOf(acled, e).name == "Nyala") {
            nyala = true;
            CHECK(formatDay(e.startDay) == "2020-05-09");
            CHECK(e.kind == EventKind::ViolenceAgainstCivilians);
        }
    CHECK(nyala);

    const LoadedBriefing ucdp = load("ucdp_ged.csv");
    REQUIRE_MESSAGE(ucdp.ok(), allText(ucdp.problems));
    CHECK(ucdp.briefing.events.size() == 12);
    size_t spans = 0, oneSided = 0;
    for (const Event& e : ucdp.briefing.events) {
        spans += e.endDay > e.startDay;
        oneSided += e.kind == EventKind::ViolenceAgainstCivilians;
        if (placeOf(ucdp, e).name == "El Geneina town") {
            CHECK(formatDay(e.startDay) == "2023-06-14");
            CHECK(formatDay(e.endDay) == "2023-06-16");
            CHECK(e.sourceType == "One-sided violence");
        }
    }
    CHECK(spans == 5);
    CHECK(oneSided == 2);
}

TEST_CASE("GDELT: SQLDATE, CAMEO roots, the action's place (not the actors'), comma and tab files") {
    const LoadedBriefing csv = load("gdelt_events.csv");
    REQUIRE_MESSAGE(csv.ok(), allText(csv.problems));
    CHECK(csv.report.rows == 15);
    CHECK(csv.briefing.events.size() == 14);
    CHECK(csv.report.skippedBecause.at("without coordinates") == 1);
    for (const Event& e : csv.briefing.events) {
        if (e.sources[0].citation.find("row 2:") != std::string::npos || e.id == "1161990002") {
            CHECK(near(placeOf(csv, e).lat, 21.5169));  // Jeddah, where the agreement was signed
            CHECK(e.kind == EventKind::Agreement);
        }
    }
    size_t fights = 0;
    for (const Event& e : csv.briefing.events) fights += e.sourceType.rfind("CAMEO 19", 0) == 0;
    CHECK(fights == 5);
    const LoadedBriefing tsv = load("gdelt_events.tsv");
    REQUIRE_MESSAGE(tsv.ok(), allText(tsv.problems));
    CHECK(tsv.briefing.events.size() == 4);
    CHECK(tsv.report.skipped.size() == 1);
}

TEST_CASE("USGS GeoJSON feed: epoch milliseconds, status 'automatic' kept as an attribute, quarry blast kept as 'other'") {
    const LoadedBriefing b = load("usgs_earthquakes.geojson");
    REQUIRE_MESSAGE(b.ok(), allText(b.problems));
    CHECK(b.format == DataFormat::GeoJson);
    CHECK(b.briefing.events.size() == 10);
    const Event* pazarcik = findEvent(b.briefing, "us6000jllz");
    REQUIRE(pazarcik);
    CHECK(formatDay(pazarcik->startDay) == "2023-02-06");
    CHECK(near(placeOf(b, *pazarcik).lat, 37.2256));
    CHECK(near(placeOf(b, *pazarcik).lon, 37.0143));
    CHECK(pazarcik->kind == EventKind::Other);
    CHECK(pazarcik->sourceType == "earthquake");
    const Event* automatic = findEvent(b.briefing, "us7000n7h2");
    REQUIRE(automatic);
    CHECK(automatic->status == ClaimStatus::Confirmed);  // not ours: no effect, no refusal
    const auto& columns = b.briefing.attributes.columns;
    const auto status = std::find(columns.begin(), columns.end(), "status");
    REQUIRE(status != columns.end());
    CHECK(b.briefing.attributes.value(automatic->attributeRow, static_cast<size_t>(status - columns.begin())) == "automatic");
}

TEST_CASE("kepler.gl CSVs: pickup/dropoff pairs make flows, ISO times with zones") {
    const LoadedBriefing trips = load("kepler_trips.csv");
    REQUIRE_MESSAGE(trips.ok(), allText(trips.problems));
    REQUIRE(trips.briefing.events.size() == 12);
    for (const Event& e : trips.briefing.events) {
        REQUIRE(e.flow);
        CHECK(formatDay(e.startDay) == "2015-01-15");
    }
    const Event& first = trips.briefing.events[0];
    CHECK(near(trips.briefing.places[first.flow->from].lat, 40.7580));
    CHECK(near(trips.briefing.places[first.flow->to].lon, -74.0088));
    CHECK(notes(trips.report).find("flows from pickup_latitude/pickup_longitude to dropoff_latitude/dropoff_longitude") != std::string::npos);
    const LoadedBriefing quakes = load("kepler_earthquakes.csv");
    REQUIRE_MESSAGE(quakes.ok(), allText(quakes.problems));
    CHECK(quakes.briefing.events.size() == 10);
    CHECK(formatDay(quakes.briefing.firstDay()) == "2023-02-06");
}

TEST_CASE("GeoJSON without times: every feature kept as timeless, shown always") {
    const LoadedBriefing b = load("no_times.geojson");
    REQUIRE_MESSAGE(b.ok(), allText(b.problems));
    REQUIRE(b.briefing.events.size() == 6);
    size_t multi = 0, flows = 0;
    for (const Event& e : b.briefing.events) {
        CHECK(e.timeless);
        CHECK(eventPhase(e, 19000.0) == EventPhase::Active);
        multi += e.places.size() == 2;
        if (e.flow) {
            ++flows;
            CHECK(e.flow->cargo == Cargo::Munitions);
            CHECK(e.flow->line.size() == 10);
            CHECK(near(e.flow->line.front().lat, 29.9668));
        }
    }
    CHECK(multi == 1);
    CHECK(flows == 1);
}

TEST_CASE("Polygons in EPSG:3857 are transformed with PROJ and kept as areas with holes") {
    const LoadedBriefing b = load("areas_3857.geojson");
    REQUIRE_MESSAGE(b.ok(), allText(b.problems));
    REQUIRE(b.briefing.events.size() == 3);
    CHECK(notes(b.report).find("coordinates transformed from EPSG:3857 to WGS84") != std::string::npos);
    size_t areas = 0;
    for (const Event& e : b.briefing.events) {
        if (!e.area) {
            CHECK(near(placeOf(b, e).lat, 19.6158));
            CHECK(near(placeOf(b, e).lon, 37.2164));
            continue;
        }
        ++areas;
        if (formatDay(e.startDay) == "2023-04-15") {
            REQUIRE(e.area->rings.size() == 2);  // outer ring and the Tuti island hole
            CHECK(std::abs(e.area->rings[0][0].lat - 15.35) < 1e-6);
            CHECK(std::abs(e.area->rings[0][0].lon - 32.35) < 1e-6);
            const Place& label = placeOf(b, e);  // inside the area, not on the hole
            CHECK(label.lon > 32.35);
            CHECK(label.lon < 32.75);
        }
    }
    CHECK(areas == 2);
}

TEST_CASE("MultiLineString, GeometryCollection and Polygon with zoned times") {
    const LoadedBriefing b = load("mixed_geometries.geojson");
    REQUIRE_MESSAGE(b.ok(), allText(b.problems));
    REQUIRE(b.briefing.events.size() == 5);
    size_t flows = 0, areas = 0, points = 0;
    for (const Event& e : b.briefing.events) {
        flows += e.flow.has_value();
        areas += e.area.has_value();
        points += !e.flow && !e.area;
    }
    CHECK(flows == 3);
    CHECK(areas == 1);
    CHECK(points == 1);
    CHECK(formatDay(b.briefing.firstDay()) == "2023-10-07");
}

TEST_CASE("Encodings and date orders: Latin-1 with a warning, BOM, DD.MM.YYYY, MM/DD/YYYY, epoch seconds") {
    const LoadedBriefing latin1 = load("sahel_latin1.csv");
    const LoadedBriefing bom = load("sahel_utf8_bom.csv");
    REQUIRE_MESSAGE(latin1.ok(), allText(latin1.problems));
    REQUIRE_MESSAGE(bom.ok(), allText(bom.problems));
    CHECK(notes(latin1.report).find("not UTF-8: read as Latin-1") != std::string::npos);
    CHECK(notes(bom.report).find("Latin-1") == std::string::npos);
    REQUIRE(latin1.briefing.events.size() == 6);
    REQUIRE(bom.briefing.events.size() == 6);
    for (size_t i = 0; i < 6; ++i) {
        CHECK(latin1.briefing.events[i].summary == bom.briefing.events[i].summary);
        CHECK(placeOf(latin1, latin1.briefing.events[i]).name == placeOf(bom, bom.briefing.events[i]).name);
        CHECK(latin1.briefing.events[i].startDay == bom.briefing.events[i].startDay);
    }
    bool segou = false, kayes = false;
    for (const Event& e : latin1.briefing.events) {
        if (placeOf(latin1, e).name == "S\u00e9gou") segou = formatDay(e.startDay) == "2023-07-27";
        if (placeOf(latin1, e).name == "Kayes") kayes = formatDay(e.startDay) == "2024-07-01";  // 1 July, not 7 January
    }
    CHECK(segou);
    CHECK(kayes);

    const LoadedBriefing us = load("us_dates.csv");
    REQUIRE_MESSAGE(us.ok(), allText(us.problems));
    CHECK(notes(us.report).find("dates in 'when' read as MM/DD/YYYY") != std::string::npos);
    bool april = false;
    for (const Event& e : us.briefing.events) april = april || formatDay(e.startDay) == "2024-04-05";
    CHECK(april);
    const LoadedBriefing epoch = load("epoch_events.csv");
    REQUIRE_MESSAGE(epoch.ok(), allText(epoch.problems));
    CHECK(epoch.briefing.events.size() == 5);
    CHECK(formatDay(epoch.briefing.lastDay()) == "2024-05-04");
}

TEST_CASE("Unrecognised columns: everything missing said at once, --columns maps them") {
    const LoadedBriefing unmapped = load("columns_custom.csv");
    REQUIRE(unmapped.problems.size() == 1);
    const std::string message = unmapped.problems[0].message;
    CHECK(message.find("missing coordinates") != std::string::npos);
    CHECK(message.find("columns found: northing_deg, easting_deg, when_it_happened, label") != std::string::npos);
    CHECK(unmapped.briefing.events.empty());
    ImportOptions options;
    options.columns = *parseColumnMapping("lat=northing_deg,lon=easting_deg,time=when_it_happened,place=label");
    const LoadedBriefing mapped = load("columns_custom.csv", options);
    REQUIRE_MESSAGE(mapped.ok(), allText(mapped.problems));
    REQUIRE(mapped.briefing.events.size() == 4);
    CHECK(placeOf(mapped, mapped.briefing.events[0]).name == "Omdurman");
    CHECK(formatDay(mapped.briefing.events[0].startDay) == "2023-05-02");
    ImportOptions wrong;
    wrong.columns = *parseColumnMapping("lat=nope");
    CHECK(load("columns_custom.csv", wrong).problems.at(0).message.find("--columns lat=nope: no such column") == 0);
    CHECK_FALSE(parseColumnMapping("latitude").ok());
    CHECK_FALSE(parseColumnMapping("height=x").ok());
}

TEST_CASE("WKT geometry column, KML placemarks, GPX waypoints and track") {
    const LoadedBriefing wkt = load("wkt_geometry.csv");
    REQUIRE_MESSAGE(wkt.ok(), allText(wkt.problems));
    REQUIRE(wkt.briefing.events.size() == 5);
    size_t flows = 0, areas = 0;
    for (const Event& e : wkt.briefing.events) flows += e.flow.has_value(), areas += e.area.has_value();
    CHECK(flows == 2);
    CHECK(areas == 1);
    const LoadedBriefing kml = load("sites.kml");
    REQUIRE_MESSAGE(kml.ok(), allText(kml.problems));
    CHECK(kml.format == DataFormat::OtherData);
    REQUIRE(kml.briefing.events.size() == 4);
    size_t timeless = 0;
    for (const Event& e : kml.briefing.events) timeless += e.timeless;
    CHECK(timeless == 2);
    const LoadedBriefing gpx = load("route.gpx");
    REQUIRE_MESSAGE(gpx.ok(), allText(gpx.problems));
    REQUIRE(gpx.briefing.events.size() == 6);
    size_t tracks = 0;
    for (const Event& e : gpx.briefing.events)
        if (e.flow) {
            ++tracks;
            CHECK(e.flow->line.size() == 6);
        }
    CHECK(tracks == 1);
}

TEST_CASE("Framing: the data's extent, robust to a far outlier, across the antimeridian") {
    Briefing b;
    std::vector<PlaceRef> refs;
    for (int i = 0; i < 40; ++i) {
        Event e;
        e.places.push_back(placeAt(b, "", 48.0 + i * 0.1, 35.0 + i * 0.1, "", refs, ""));
        b.events.push_back(std::move(e));
    }
    Event outlier;
    outlier.places.push_back(placeAt(b, "", 0.0, 0.0, "", refs, ""));  // a stray 0,0
    b.events.push_back(std::move(outlier));
    const auto frame = dataFrame(b);
    REQUIRE(frame);
    CHECK(frame->west > 34);
    CHECK(frame->east < 40);
    CHECK(frame->south > 47);
    Briefing pacific;
    std::vector<PlaceRef> pacificRefs;
    for (double lon : {170.0, 175.0, -175.0, -170.0}) {
        Event e;
        e.places.push_back(placeAt(pacific, "", 60, lon, "", pacificRefs, ""));
        pacific.events.push_back(std::move(e));
    }
    const auto across = dataFrame(pacific);
    REQUIRE(across);
    CHECK(across->west > 165);
    CHECK(across->east < 195);
    CHECK(across->east > 185);
    CHECK_FALSE(dataFrame(Briefing{}));
}

TEST_CASE("Column roles: common names in any case, prefixed pairs, GDELT's action place") {
    const auto plan = planColumns({"LAT", "Longitude", "DateTime", "Magnitude"}, {}, false);
    REQUIRE(plan);
    CHECK(plan->at(ColumnRole::Lat) == 0);
    CHECK(plan->at(ColumnRole::Lon) == 1);
    CHECK(plan->at(ColumnRole::Time) == 2);
    const auto pairs = planColumns({"begin_lat", "begin_lon", "end_lat", "end_lon", "when"}, {}, false);
    REQUIRE(pairs);
    CHECK(pairs->at(ColumnRole::FromLat) == 0);
    CHECK(pairs->at(ColumnRole::ToLon) == 3);
    const auto gdelt = planColumns({"Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}, {}, false);
    REQUIRE(gdelt);
    CHECK(gdelt->at(ColumnRole::Lat) == 4);
    CHECK_FALSE(gdelt->has(ColumnRole::FromLat));
    const auto half = planColumns({"lat", "when"}, {}, false);
    REQUIRE_FALSE(half);
    CHECK(half.error().message.find("a longitude column") != std::string::npos);
}

TEST_CASE("Time formats: one per column, zones to UTC days, impossible dates refused") {
    CHECK(formatDay(parseTime("2024-01-10T23:30:00-02:00", TimeFormat::Iso)->firstDay()) == "2024-01-11");
    CHECK(formatDay(parseTime("2023-04-15 00:00:00.000", TimeFormat::Iso)->firstDay()) == "2023-04-15");
    CHECK(parseTime("2024-06", TimeFormat::Iso)->day == 0);
    CHECK(formatDay(parseTime("9-May-20", TimeFormat::DayMonShort)->firstDay()) == "2020-05-09");
    CHECK(formatDay(parseTime("1-Jan-97", TimeFormat::DayMonShort)->firstDay()) == "1997-01-01");
    CHECK_FALSE(parseTime("31-Feb-23", TimeFormat::DayMonShort));
    CHECK(formatDay(parseTime("20240619", TimeFormat::Compact)->firstDay()) == "2024-06-19");
    CHECK(formatDay(parseTime("1700000000000", TimeFormat::EpochMillis)->firstDay()) == "2023-11-14");
    CHECK(formatDay(parseTime("May 9, 2020", TimeFormat::MonthDayYear)->firstDay()) == "2020-05-09");
    CHECK(detectTimeFormat({"03/04/2024", "25/04/2024"}).format == TimeFormat::SlashDayMonth);
    const ColumnTimeFormat ambiguous = detectTimeFormat({"03/04/2024", "05/06/2024"});
    CHECK(ambiguous.format == TimeFormat::SlashMonthDay);
    CHECK(ambiguous.ambiguous);
    CHECK(detectTimeFormat({"20240101", "20240102"}).format == TimeFormat::Compact);
    CHECK(detectTimeFormat({"1700000000", "1700100000"}).format == TimeFormat::EpochSeconds);
    CHECK_FALSE(detectTimeFormat({"yesterday", "soon"}).found);
}

TEST_CASE("A briefing's own view is kept, written back and used to frame") {
    const LoadedBriefing seed = loadBriefingFile(defaultBriefingPath(), test::geocoder());
    REQUIRE(seed.briefing.view);
    CHECK(seed.briefing.view->west == 20);
    CHECK(openingFrame(seed.briefing, GeoBounds{}).east == 148);
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

TEST_CASE("GeoPackage (with its SRS), Shapefile (with .dbf and .prj beside it) and FlatGeobuf: the same path") {
    const LoadedBriefing gpkg = load("areas_3857.gpkg");
    REQUIRE_MESSAGE(gpkg.ok(), allText(gpkg.problems));
    CHECK(gpkg.format == DataFormat::OtherData);
    REQUIRE(gpkg.briefing.events.size() == 3);
    CHECK(notes(gpkg.report).find("coordinates transformed from EPSG:3857 to WGS84") != std::string::npos);
    size_t areas = 0;
    for (const Event& e : gpkg.briefing.events) areas += e.area.has_value();
    CHECK(areas == 2);
    const LoadedBriefing shp = load("usgs_quakes.shp");
    REQUIRE_MESSAGE(shp.ok(), allText(shp.problems));
    REQUIRE(shp.briefing.events.size() == 10);
    CHECK(formatDay(shp.briefing.firstDay()) == "2023-02-06");
    const LoadedBriefing fgb = load("mixed_geometries.fgb");
    REQUIRE_MESSAGE(fgb.ok(), allText(fgb.problems));
    CHECK(fgb.briefing.events.size() == 5);
}

// How precisely a row is placed becomes its place's uncertainty: ACLED geo_precision 2 and 3, UCDP
// where_prec 2 to 7 in kilometres; exact rows stay exact. A briefing's place may say it directly.
TEST_CASE("precision columns make uncertain places: ACLED geo_precision and UCDP where_prec") {
    const LoadedBriefing acled = load("acled_export.csv");
    const auto km = [](const LoadedBriefing& b, const std::string& name) {
        const uint32_t p = b.briefing.findPlace(name);
        return p == kNone ? -1.0 : b.briefing.places[p].uncertaintyKm;
    };
    CHECK(km(acled, "Khartoum") == 0);    // geo_precision 1: the town itself
    CHECK(km(acled, "Gulf of Aden") == 25);  // 2: near it, or part of a region
    CHECK(km(acled, "Djibo") == 25);
    CHECK(km(acled, "Sanaa") == 100);     // one row at 1, one at 3 (the province's capital): the larger
    const LoadedBriefing ucdp = load("ucdp_ged.csv");
    CHECK(km(ucdp, "El Geneina town") == 0);
    CHECK(km(ucdp, "Menaka town") == 25);
    CHECK(km(ucdp, "Marib governorate") == 50);
    CHECK(km(ucdp, "Deir ez-Zor governorate") == 150);
}
