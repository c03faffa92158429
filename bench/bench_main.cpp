// briefmap-bench NAME: prints one JSON object of measurements. Names: basemap, geocode, load, render, extract, draft, video, png,
// qgis (bench/qgis/compare.py), store,
// all (all but video).
// Numbers go here, not in timed tests (see README "Benchmarks").
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <numeric>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "geo/basemap.hpp"
#include "geo/basemap_cache.hpp"
#include "geo/geocoder.hpp"
#include "render/gl.hpp"
#include "render/glyph_atlas.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/render_target.hpp"
#include "bench_support.hpp"

extern char** environ;

namespace briefmap::bench {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

std::string siblingBinary(const char* name) {
    return (std::filesystem::read_symlink("/proc/self/exe").parent_path() / name).string();
}

// Wall time of a child process from spawn to exit; BRIEFMAP_SPAWN_NS lets it report its own phases.
double runChild(const std::vector<std::string>& args, std::string* firstLine) {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    const std::string spawnEnv = "BRIEFMAP_SPAWN_NS=" + std::to_string(ts.tv_sec * 1'000'000'000LL + ts.tv_nsec);
    std::vector<char*> env;
    for (char** e = environ; *e; ++e) env.push_back(*e);
    env.push_back(const_cast<char*>(spawnEnv.c_str()));
    env.push_back(nullptr);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int pipefd[2];
    if (pipe(pipefd) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipefd[1], 1);
    posix_spawn_file_actions_addclose(&actions, pipefd[0]);
    const auto t = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data()) != 0) return -1;
    close(pipefd[1]);
    std::string output;
    char buf[4096];
    for (ssize_t n; (n = read(pipefd[0], buf, sizeof buf)) > 0;) output.append(buf, static_cast<size_t>(n));
    close(pipefd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    const double ms = msSince(t);
    posix_spawn_file_actions_destroy(&actions);
    if (firstLine) *firstLine = output;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ms : -1;
}

}  // namespace briefmap::bench

namespace {

using namespace briefmap;
using namespace briefmap::bench;

double jsonNumber(const std::string& text, const std::string& key) {
    const size_t at = text.find("\"" + key + "\":");
    return at == std::string::npos ? -1 : std::strtod(text.c_str() + at + key.size() + 3, nullptr);
}

int benchBasemap() {
    const std::string exe = siblingBinary("briefmap");
    const std::string tmp = std::filesystem::temp_directory_path() / ("briefmap-bench-" + std::to_string(getpid()) + ".png");

    // In-process: geodata load, GL set-up, steady-state frame time at 1920x1080.
    auto t = Clock::now();
    Result<geo::Basemap> data = geo::loadBasemap(geo::defaultGeodataDir());
    if (!data) {
        std::fprintf(stderr, "%s\n", data.error().message.c_str());
        return 1;
    }
    const double loadMs = msSince(t);
    // Through the cache a start uses (the first call may write it; the second is what starts see).
    (void)geo::loadBasemapCached(geo::defaultGeodataDir());
    t = Clock::now();
    if (!geo::loadBasemapCached(geo::defaultGeodataDir())) return 1;
    const double cachedLoadMs = msSince(t);
    t = Clock::now();
    auto context = render::HeadlessContext::create();
    if (!context) {
        std::fprintf(stderr, "%s\n", context.error().message.c_str());
        return 1;
    }
    render::MapRenderer renderer;
    if (Status s = renderer.init(data.value(), render::GlyphAtlas::defaultFontPath()); !s) {
        std::fprintf(stderr, "%s\n", s.error().message.c_str());
        return 1;
    }
    const double initMs = msSince(t);
    Result<render::RenderTarget> target = render::RenderTarget::create(1920, 1080);
    target->bind();
    MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 1920, 1080);
    render::MapStyle style;
    renderer.render(view, style);
    glFinish();
    std::vector<double> still, panning;
    for (int i = 0; i < 15; ++i) {
        t = Clock::now();
        renderer.render(view, style);
        glFinish();
        still.push_back(msSince(t));
    }
    for (int i = 0; i < 15; ++i) {  // panning re-places labels every frame
        view.panPixels(7, 3);
        t = Clock::now();
        renderer.render(view, style);
        glFinish();
        panning.push_back(msSince(t));
    }

    // The window's path: base-map cache on, warmed while idle, then a long drag (12 px/frame for 240
    // frames, crossing the cache margin many times) with labels re-placed every frame.
    renderer.setBasemapCache(true);
    view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 1920, 1080);
    renderer.warmCache(view, style);
    std::vector<double> cached;
    int strips = 0;
    for (int i = 0; i < 240; ++i) {
        view.panPixels(12, i % 2 ? 5 : -5);
        t = Clock::now();
        renderer.render(view, style);
        glFinish();
        cached.push_back(msSince(t));
        strips += renderer.lastBasemapWork() != render::BasemapCache::Work::Blit;
    }
    std::vector<double> sortedCached = cached;
    std::sort(sortedCached.begin(), sortedCached.end());
    const double cachedP95 = sortedCached[sortedCached.size() * 95 / 100];
    const double cachedMean = std::accumulate(cached.begin(), cached.end(), 0.0) / double(cached.size());
    // A wheel zoom as the window animates it: 24 frames in, 24 out, ~2.5x each way.
    renderer.warmCache(view, style);
    std::vector<double> zooming;
    for (int i = 0; i < 48; ++i) {
        view.zoomAround(960, 540, i < 24 ? 1.04 : 1.0 / 1.04);
        t = Clock::now();
        renderer.render(view, style);
        glFinish();
        zooming.push_back(msSince(t));
    }
    std::sort(zooming.begin(), zooming.end());
    renderer.setBasemapCache(false);

    // End to end, as a user runs it: process start → PNG on disk.
    std::string out1080, out4k, windowOut;
    std::vector<double> e1080, e4k;
    for (int i = 0; i < 3; ++i) {
        e1080.push_back(runChild({exe, "export", "--out", tmp, "--size", "1920x1080", "--timing"}, &out1080));
        e4k.push_back(runChild({exe, "export", "--out", tmp, "--size", "3840x2160", "--timing"}, &out4k));
    }
    std::filesystem::remove(tmp);
    double windowFirstFrame = -1;
    if (std::getenv("DISPLAY")) {
        if (runChild({exe, "--frames", "1", "--timing", "--size", "1920x1080"}, &windowOut) >= 0)
            windowFirstFrame = jsonNumber(windowOut, "first_frame_ms");
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("{\"bench\":\"basemap\",\"geodata_load_ms\":%.1f,\"geodata_load_cached_ms\":%.1f,\"gl_init_ms\":%.1f,"
                "\"frame_ms_1080p\":%.2f,\"frame_ms_1080p_panning\":%.2f,"
                "\"window_pan_frame_ms_median\":%.2f,\"window_pan_frame_ms_mean\":%.2f,\"window_pan_frame_ms_p95\":%.2f,\"window_pan_frame_ms_max\":%.2f,"
                "\"window_pan_frames_with_strips\":%d,"
                "\"window_zoom_frame_ms_median\":%.2f,\"window_zoom_frame_ms_p95\":%.2f,\"window_zoom_frame_ms_max\":%.2f,"
                "\"export_1080p_ms\":%.1f,\"export_4k_ms\":%.1f,"
                "\"export_first_frame_ms\":%.1f,\"export_4k_encode_ms\":%.1f,\"window_first_frame_ms\":%.1f,"
                "\"peak_rss_mb\":%.1f}\n",
                loadMs, cachedLoadMs, initMs, median(still), median(panning), median(cached), cachedMean, cachedP95, sortedCached.back(), strips, zooming[zooming.size() / 2],
                zooming[zooming.size() * 95 / 100], zooming.back(),
                median(e1080), median(e4k),
                jsonNumber(out1080, "first_frame_ms"), jsonNumber(out4k, "encode_ms"), windowFirstFrame,
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}

// Queries per second of `run` over `names`, cycling for at least `minMs` milliseconds on this thread.
template <typename Run>
double perSecond(const std::vector<std::string>& names, double minMs, Run run) {
    size_t done = 0;
    const auto t = Clock::now();
    double elapsed = 0;
    while (elapsed < minMs) {
        for (const std::string& n : names) run(n);
        done += names.size();
        elapsed = msSince(t);
    }
    return static_cast<double>(done) / (elapsed / 1000.0);
}

int benchGeocode() {
    auto t = Clock::now();
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(geo::Gazetteer::defaultPath());
    if (!gaz) {
        std::fprintf(stderr, "%s\n", gaz.error().message.c_str());
        return 1;
    }
    const double loadMs = msSince(t);
    const geo::Geocoder geocoder(gaz.value());
    // Exact: the primary names of 5,000 places spread over the gazetteer (mixed scripts and sizes).
    std::vector<std::string> exact, typos;
    for (size_t i = 0; i < gaz->placeCount() && exact.size() < 5000; i += gaz->placeCount() / 5000)
        exact.emplace_back(gaz->placeName(static_cast<uint32_t>(i)));
    // Fuzzy: the same names with one letter dropped or two swapped (names of 5+ letters).
    for (size_t i = 0; i < exact.size() && typos.size() < 2000; ++i) {
        std::string n = exact[i];
        if (n.size() < 6) continue;
        if (i % 2) n.erase(n.size() / 2, 1);
        else std::swap(n[2], n[3]);
        typos.push_back(n);
    }
    // Domain names as a briefing writes them (tests/fixtures/geocode-cases.jsonl: variants, native
    // scripts, qualifiers): the realistic mix, repeated, so caches are warm as in a real session.
    std::vector<std::string> domain;
    {
        std::ifstream in(std::string(BRIEFMAP_SOURCE_DIR) + "/tests/fixtures/geocode-cases.jsonl");
        for (std::string line; std::getline(in, line);) {
            const size_t at = line.find("\"query\": \"");
            if (at == std::string::npos) continue;
            const size_t start = at + 10, end = line.find('"', start);
            const std::string name = line.substr(start, end - start);
            // Exact-name queries only: the folded name is a key as written (no typo, no "X, Y" or
            // possessive, which are context queries and measured below).
            const geo::Gazetteer::Postings hit = gaz->lookup(geo::nameKey(name).base);
            if (hit.begin != hit.end && name.find(',') == std::string::npos && name.find("'s ") == std::string::npos)
                domain.push_back(name);
        }
    }
    const geo::GeocodeContext none;
    size_t found = 0;
    const double exactPerS = perSecond(domain, 1500, [&](const std::string& n) {
        found += geocoder.geocode(n, none, "", 0).best.has_value();
    });
    const double exactColdPerS = perSecond(exact, 1500, [&](const std::string& n) {
        found += geocoder.geocode(n, none, "", 0).best.has_value();
    });
    const double fuzzyPerS = perSecond(typos, 1500, [&](const std::string& n) {
        found += geocoder.geocode(n, none, "", 0).best.has_value();
    });
    // Context-ranked: a name plus a news sentence to analyse and rank against.
    const std::vector<std::string> sentences = {
        "Mr. Putin said that he was planning to travel to the Vostochny Cosmodrome, a space launch center in Russia's Amur region",
        "Kim arrived by armored train in the Russian Far East and met Putin in Vladivostok",
        "North Korea has sent around 15,000 troops to Russia's Kursk region since last fall",
        "Officials in Kiev said debris from the January attack on Kharkiv came from a North Korean missile"};
    const std::vector<std::string> contextNames = {"Vostochny", "Vladivostok", "Kursk", "Kharkiv", "Moscow", "Washington"};
    std::vector<std::string> pairs;
    for (size_t i = 0; i < 24; ++i) pairs.push_back(std::to_string(i % sentences.size()) + "|" + contextNames[i % contextNames.size()]);
    const double contextPerS = perSecond(pairs, 1500, [&](const std::string& p) {
        const size_t bar = p.find('|');
        const geo::GeocodeContext ctx = geocoder.analyzeContext(sentences[static_cast<size_t>(std::stoi(p.substr(0, bar)))]);
        found += geocoder.geocode(std::string_view(p).substr(bar + 1), ctx, "", 0).best.has_value();
    });
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("{\"bench\":\"geocode\",\"load_ms\":%.1f,\"exact_per_s\":%.0f,\"exact_cold_per_s\":%.0f,"
                "\"fuzzy_per_s\":%.0f,\"context_per_s\":%.0f,\"peak_rss_mb\":%.1f,\"places\":%zu,\"resolved\":%zu}\n",
                loadMs, exactPerS, exactColdPerS, fuzzyPerS, contextPerS, static_cast<double>(usage.ru_maxrss) / 1024.0,
                gaz->placeCount(), found);
    return 0;
}

}  // namespace


int main(int argc, char** argv) {
    const std::string name = argc > 1 ? argv[1] : "all";
    if (name == "geocode") return benchGeocode();
    if (name == "basemap") return benchBasemap();
    if (name == "load") {
        size_t rows = 1'000'000;
        if (argc > 3 && std::string(argv[2]) == "--csv-rows") rows = std::strtoull(argv[3], nullptr, 10);
        return briefmap::bench::benchLoad(rows);
    }
    if (name == "render") {
        size_t events = 100000, flows = 10000;
        for (int i = 2; i + 1 < argc; i += 2) {
            if (std::string(argv[i]) == "--events") events = std::strtoull(argv[i + 1], nullptr, 10);
            else if (std::string(argv[i]) == "--flows") flows = std::strtoull(argv[i + 1], nullptr, 10);
        }
        return briefmap::bench::benchRender(events, flows);
    }
    if (name == "extract") return briefmap::bench::benchExtract();
    if (name == "draft") return briefmap::bench::benchDraft(argc > 2 && std::string(argv[2]) == "--misses");
    if (name == "video") return briefmap::bench::benchVideo();
    if (name == "png") return briefmap::bench::benchPng();
    if (name == "qgis") return briefmap::bench::benchQgis(argc > 2 ? argv + 2 : nullptr);
    if (name == "store") {
        size_t events = 1'000'000;
        if (argc > 3 && std::string(argv[2]) == "--events") events = std::strtoull(argv[3], nullptr, 10);
        return briefmap::bench::benchStore(events);
    }
    if (name == "all") return benchGeocode() | briefmap::bench::benchLoad(1'000'000) | benchBasemap() | briefmap::bench::benchRender() |
                                 briefmap::bench::benchExtract() | briefmap::bench::benchDraft(false);
    std::fprintf(stderr, "usage: briefmap-bench basemap|geocode|load|render [--events N] [--flows N]|extract|draft|video|png|qgis|store [--events N]|all\n");
    return 2;
}
