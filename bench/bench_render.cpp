// briefmap-bench render [--events N] [--flows N]: frame times at 1920x1080 while time plays, for the
// seed briefing and for a stress scene of N events (100,000) and N flows (10,000) (window
// configuration: base-map cache on, only uniforms change per frame), the time to load the stress
// briefing onto the map and the peak resident memory, and `briefmap export` of the stress scene at
// 1080p and 4K end to end (only up to 200,000 events: the child processes would reload it six times).
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "bench_support.hpp"
#include "model/briefing_loader.hpp"
#include "model/synthetic_briefing.hpp"
#include "render/gl.hpp"
#include "render/glyph_atlas.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/render_target.hpp"

namespace briefmap::bench {

namespace {

struct FrameStats {
    double median = 0, p95 = 0, max = 0;
};

// 180 frames of playback at 60 fps and `daysPerSecond`, from the start of the briefing's range.
FrameStats playFrames(render::MapRenderer& renderer, const MapView& view, const render::MapStyle& style,
                      model::TimeRange range, double daysPerSecond) {
    std::vector<double> times;
    render::SceneFrame frame;
    frame.playing = true;
    frame.daysPerSecond = daysPerSecond;
    const double span = range.last - range.first;
    for (int i = 0; i < 180; ++i) {
        // Sweep the whole range over the run so every event's fade and growth is exercised.
        frame.day = range.first + span * i / 179.0;
        frame.motionSeconds = i / 60.0;
        renderer.setSceneFrame(frame);
        const auto t = std::chrono::steady_clock::now();
        renderer.render(view, style);
        glFinish();
        times.push_back(msSince(t));
    }
    return {median(times), percentile(times, 0.95), percentile(times, 1.0)};
}

// 120 frames of a drag (7, 3 px a frame: the cache's margin is left once) at a fixed moment, then 60
// of a zoom animation in and out around a point, as the window renders them.
FrameStats panFrames(render::MapRenderer& renderer, MapView view, const render::MapStyle& style, double day,
                     std::vector<double>& zoomTimes) {
    render::SceneFrame frame;
    frame.day = day;
    renderer.setSceneFrame(frame);
    renderer.render(view, style);
    std::vector<double> times;
    for (int i = 0; i < 120; ++i) {
        view.panPixels(7, 3);
        const auto t = std::chrono::steady_clock::now();
        renderer.render(view, style);
        glFinish();
        times.push_back(msSince(t));
    }
    for (int i = 0; i < 60; ++i) {
        view.zoomAround(900, 500, i < 30 ? 1.02 : 1 / 1.02);
        const auto t = std::chrono::steady_clock::now();
        renderer.render(view, style);
        glFinish();
        zoomTimes.push_back(msSince(t));
    }
    return {median(times), percentile(times, 0.95), percentile(times, 1.0)};
}

}  // namespace

int benchRender(size_t stressEvents, size_t stressFlowCount) {
    const std::string font = render::GlyphAtlas::defaultFontPath();
    Result<render::PreparedMap> prepared = render::loadPreparedMap(geo::defaultGeodataDir(), font);
    auto context = render::HeadlessContext::create();
    if (!prepared || !context) {
        std::fprintf(stderr, "briefmap-bench render: %s\n", !prepared ? prepared.error().message.c_str() : context.error().message.c_str());
        return 1;
    }
    render::MapRenderer renderer;
    if (Status s = renderer.init(std::move(*prepared)); !s) {
        std::fprintf(stderr, "briefmap-bench render: %s\n", s.error().message.c_str());
        return 1;
    }
    renderer.setBasemapCache(true);
    Result<render::RenderTarget> target = render::RenderTarget::create(1920, 1080);
    target->bind();
    const MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 1920, 1080);
    const render::MapStyle style;
    renderer.warmCache(view, style);

    const auto sceneFor = [&](const std::string& path, model::TimeRange& range, size_t& events) -> bool {
        const model::LoadedBriefing loaded = model::loadBriefingFile(path);
        if (!loaded.ok()) {
            std::fprintf(stderr, "briefmap-bench render: %s\n", loaded.problems[0].text().c_str());
            return false;
        }
        Result<render::PreparedScene> scene = render::prepareScene(loaded.briefing, {}, font, false);
        if (!scene) return false;
        if (!renderer.setScene(std::move(*scene))) return false;
        range = model::timeRangeOf(loaded.briefing);
        events = loaded.briefing.events.size();
        return true;
    };

    model::TimeRange seedRange, stressRange;
    size_t seedEvents = 0, stressLoaded = 0;
    if (!sceneFor(model::defaultBriefingPath(), seedRange, seedEvents)) return 1;
    playFrames(renderer, view, style, seedRange, 30);  // warm-up: shader variants, placement
    const FrameStats seed = playFrames(renderer, view, style, seedRange, 30);

    const std::string dir = (std::filesystem::temp_directory_path() / ("briefmap-bench-render-" + std::to_string(getpid()))).string();
    model::SyntheticOptions synthetic;
    synthetic.events = stressEvents;
    synthetic.flows = stressFlowCount;
    const Result<std::string> stressPath = model::writeSyntheticBriefing(dir, synthetic);
    const auto tLoad = std::chrono::steady_clock::now();
    if (!stressPath || !sceneFor(*stressPath, stressRange, stressLoaded)) {
        std::filesystem::remove_all(dir);  // a failed run leaves no 100 MB file behind
        return 1;
    }
    const double stressLoadMs = msSince(tLoad);
    const auto tFirst = std::chrono::steady_clock::now();
    render::SceneFrame frame;
    frame.day = stressRange.last;
    renderer.setSceneFrame(frame);
    renderer.render(view, style);
    glFinish();
    const double stressFirstMs = msSince(tFirst);
    const FrameStats stress = playFrames(renderer, view, style, stressRange, 365);
    // Where the stress frame goes: flows alone, places (markers, rings) alone.
    render::MapStyle flowsOnly = style, placesOnly = style;
    flowsOnly.layers.places = flowsOnly.layers.labels = flowsOnly.layers.legend = false;
    placesOnly.layers.flows = placesOnly.layers.labels = placesOnly.layers.legend = false;
    const FrameStats stressFlows = playFrames(renderer, view, flowsOnly, stressRange, 365);
    const FrameStats stressPlaces = playFrames(renderer, view, placesOnly, stressRange, 365);
    std::vector<double> zoomTimes;
    const FrameStats stressPan = panFrames(renderer, view, style, 0.5 * (stressRange.first + stressRange.last), zoomTimes);

    const std::string exe = siblingBinary("briefmap");
    const std::string png = dir + "/stress.png";
    double export1080 = -1, export4k = -1;
    for (int i = 0; i < 3 && stressEvents <= 200000; ++i) {
        if (i == 0) export1080 = export4k = 1e9;
        export1080 = std::min(export1080, runChild({exe, "export", "--data", *stressPath, "--size", "1920x1080", "--out", png}));
        export4k = std::min(export4k, runChild({exe, "export", "--data", *stressPath, "--size", "3840x2160", "--out", png}));
    }
    std::filesystem::remove_all(dir);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("{\"bench\": \"render\", \"size\": \"1920x1080\", \"seed_events\": %zu, \"seed_frame_ms_median\": %.2f, "
                "\"seed_frame_ms_p95\": %.2f, \"seed_frame_ms_max\": %.2f, \"stress_events\": %zu, \"stress_flows\": %zu, "
                "\"stress_load_ms\": %.0f, \"peak_rss_mb\": %.0f, \"stress_first_frame_ms\": %.1f, \"stress_frame_ms_median\": %.2f, \"stress_frame_ms_p95\": %.2f, "
                "\"stress_frame_ms_max\": %.2f, \"stress_flows_only_frame_ms_median\": %.2f, \"stress_places_only_frame_ms_median\": %.2f, "
                "\"stress_pan_frame_ms_median\": %.2f, \"stress_pan_frame_ms_p95\": %.2f, \"stress_pan_frame_ms_max\": %.2f, "
                "\"stress_zoom_frame_ms_median\": %.2f, \"stress_zoom_frame_ms_max\": %.2f, "
                "\"stress_export_1080p_ms\": %.0f, \"stress_export_4k_ms\": %.0f, "
                "\"targets\": {\"seed_frame_ms\": 16, \"stress_frame_ms\": 50}}\n",
                seedEvents, seed.median, seed.p95, seed.max, stressLoaded, stressFlowCount, stressLoadMs,
                static_cast<double>(usage.ru_maxrss) / 1024.0, stressFirstMs, stress.median, stress.p95, stress.max,
                stressFlows.median, stressPlaces.median, stressPan.median, stressPan.p95, stressPan.max, median(zoomTimes),
                percentile(zoomTimes, 1.0), export1080, export4k);
    return 0;
}

}  // namespace briefmap::bench
