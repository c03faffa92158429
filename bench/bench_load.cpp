// briefmap-bench load: load and validate a synthetic briefing of 100,000 events and 10,000 flows —
// read, parse, check every field, geocode every place name and check every quote at its offsets.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

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

int benchLoad() {
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
    return 0;
}

}  // namespace briefmap::bench
