// briefmap-bench load: load and validate a synthetic briefing of 100,000 events and 10,000 flows —
// read, parse, check every field, geocode every place name and check every quote at its offsets;
// then import a 1,000,000-row ACLED-shaped CSV through the GDAL reader (rows → events, dates detected
// per column, attributes kept). `load --csv-rows N` sets the CSV's size.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/gdal_plugin.hpp"
#include "model/briefing_loader.hpp"
#include "model/synthetic_briefing.hpp"

namespace briefmap::bench {

namespace {

double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

namespace {

// An ACLED-shaped CSV of `rows` rows over Eurasia and Africa, fixed seed. As in ACLED, events happen
// at named locations that recur (20,000 of them, each with its own coordinates); with
// `uniquePoints` every row is its own unnamed point instead (a sensor or GPS export).
std::string writeCsv(const std::string& dir, size_t rows, bool uniquePoints) {
    const std::string path = dir + "/events.csv";
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) return {};
    std::fprintf(f, "event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,latitude,longitude,notes,fatalities\n");
    const char* types[] = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                           "Strategic developments"};
    uint64_t state = 42;
    const auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<uint32_t>(state >> 33);
    };
    constexpr unsigned kLocations = 20000;
    std::vector<std::pair<double, double>> locations(kLocations);
    for (auto& [lat, lon] : locations) lat = -30 + (next() % 900000) / 10000.0, lon = -15 + (next() % 1600000) / 10000.0;
    for (size_t i = 0; i < rows; ++i) {
        const unsigned location = next() % kLocations;
        double lat = locations[location].first, lon = locations[location].second;
        if (uniquePoints) lat = -30 + (next() % 900000) / 10000.0, lon = -15 + (next() % 1600000) / 10000.0;
        const unsigned day = 1 + next() % 28, month = 1 + next() % 12, year = 2018 + next() % 7;
        static const char* const kMonths[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                              "September", "October", "November", "December"};
        const std::string place = uniquePoints ? std::string() : "Place " + std::to_string(location);
        std::fprintf(f, "EV%zu,%02u %s %u,%s,,Actor %u,Country %u,%s,%.4f,%.4f,\"Row %zu, a note with a comma\",%u\n", i, day,
                     kMonths[month - 1], year, types[next() % 6], next() % 50, next() % 40, place.c_str(), lat, lon, i,
                     next() % 20);
    }
    std::fclose(f);
    return path;
}

}  // namespace

int benchLoad(size_t csvRows) {
    using Clock = std::chrono::steady_clock;
    const std::string dir = (std::filesystem::temp_directory_path() / ("briefmap-bench-load-" + std::to_string(getpid()))).string();
    model::SyntheticOptions options;
    const Result<std::string> path = model::writeSyntheticBriefing(dir, options);
    if (!path) {
        std::fprintf(stderr, "briefmap-bench load: %s\n", path.error().message.c_str());
        return 1;
    }
    const double fileMb = static_cast<double>(std::filesystem::file_size(*path)) / 1e6;
    const auto t0 = Clock::now();
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(geo::Gazetteer::defaultPath());
    if (!gaz) {
        std::fprintf(stderr, "briefmap-bench load: %s\n", gaz.error().message.c_str());
        return 1;
    }
    const geo::Geocoder geocoder(*gaz);
    const double gazetteerMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    const double rssBefore = peakRssMb();
    const auto t1 = Clock::now();
    const model::LoadedBriefing loaded = model::loadBriefingFile(*path, geocoder);
    const double loadMs = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
    const double peak = peakRssMb();
    std::filesystem::remove_all(dir);
    if (!loaded.ok()) {
        std::fprintf(stderr, "briefmap-bench load: synthetic briefing invalid: %s\n", loaded.problems[0].text().c_str());
        return 1;
    }
    size_t flows = 0;
    for (const model::Event& e : loaded.briefing.events) flows += e.flow.has_value();
    std::printf("{\"bench\": \"load\", \"events\": %zu, \"flows\": %zu, \"places\": %zu, \"file_mb\": %.1f, "
                "\"load_validate_ms\": %.0f, \"gazetteer_load_ms\": %.0f, \"peak_rss_mb\": %.0f, "
                "\"rss_before_load_mb\": %.0f, \"target_ms\": 1000, \"target_peak_mb\": 500}\n",
                loaded.briefing.events.size(), flows, loaded.briefing.places.size(), fileMb, loadMs, gazetteerMs, peak,
                rssBefore);
    if (csvRows == 0) return 0;

    // A million-row CSV through the import path: recurring named locations (ACLED), then unique points.
    for (const bool unique : {false, true}) {
    std::filesystem::create_directories(dir);
    const std::string csv = writeCsv(dir, csvRows, unique);
    const double csvMb = static_cast<double>(std::filesystem::file_size(csv)) / 1e6;
    // GDAL's part alone: every row read and handed over, nothing mapped.
    struct CountingSink final : geo::TableSink {
        size_t rows = 0;
        bool begin(const geo::TableInfo&) override { return true; }
        bool row(const geo::TableRow&) override { return ++rows, true; }
    } counting;
    const auto tg = Clock::now();
    if (Result<const geo::GdalApi*> gdal = geo::gdalApi(); gdal) (void)(*gdal)->readTable(csv, {}, counting);
    const double gdalMs = std::chrono::duration<double, std::milli>(Clock::now() - tg).count();
    const auto t2 = Clock::now();
    const model::LoadedBriefing imported = model::loadBriefingFile(csv, geocoder);
    const double importMs = std::chrono::duration<double, std::milli>(Clock::now() - t2).count();
    std::filesystem::remove_all(dir);
    if (!imported.ok()) {
        std::fprintf(stderr, "briefmap-bench load: CSV import failed: %s\n", imported.problems[0].text().c_str());
        return 1;
    }
    std::printf("{\"bench\": \"load_csv\", \"shape\": \"%s\", \"rows\": %zu, \"places\": %zu, \"events\": %zu, \"skipped\": %zu, \"file_mb\": %.1f, "
                "\"import_ms\": %.0f, \"gdal_read_only_ms\": %.0f, \"read_and_map_ms\": %.0f, \"dates_ms\": %.0f, \"places_ms\": %.0f, \"sort_ms\": %.0f, "
                "\"rows_per_s\": %.0f, \"peak_rss_mb\": %.0f}\n",
                unique ? "unique_points" : "acled_locations", imported.report.rows, imported.briefing.places.size(),
                imported.briefing.events.size(), imported.report.skippedCount(), csvMb, importMs, gdalMs,
                imported.report.readMs, imported.report.datesMs, imported.report.placesMs, imported.report.finishMs,
                static_cast<double>(imported.report.rows) / (importMs / 1000.0), peakRssMb());
    }
    return 0;
}

}  // namespace briefmap::bench
