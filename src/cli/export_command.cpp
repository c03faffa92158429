// `briefmap export`: the map rendered headless (EGL, no X server) to a PNG, optionally georeferenced.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <future>

#include "cli/commands.hpp"
#include "cli/export_animation.hpp"
#include "export/video_api.hpp"
#include "model/moment.hpp"
#include "render/scene_frame.hpp"
#include "core/atomic_file.hpp"
#include "cli/flags.hpp"
#include "cli/import_flags.hpp"
#include "geo/basemap.hpp"
#include "geo/world_file.hpp"
#include "render/glyph_atlas.hpp"
#include "render/headless_context.hpp"
#include "render/map_export.hpp"
#include "model/article_mentions.hpp"
#include "model/briefing_loader.hpp"
#include "model/data_frame.hpp"
#include "model/timeline.hpp"

namespace briefmap::cli {

namespace {

const std::string kUsage = std::string(
    "usage: briefmap export --out FILE.png [--data FILE] [--time YYYY-MM-DD[THH:MM[:SS]]] [--size WxH] [--scale S]\n"
    "                       [--bbox WEST,SOUTH,EAST,NORTH] [--layers basemap,places,flows,labels,legend,mentions]\n"
    "                       [--articles FILE.txt|DIR[,...]]\n"
    "                       [--projection mercator|equirect] [--theme dark|light] [--world-file]\n"
    "                       [--legend auto|bottom-left|bottom-right|top-left|top-right] [--title TEXT]\n"
    "                       [--window DAYS | --since YYYY-MM-DD]\n"
    "                       [--graticule] [--cluster] [--size-by events|quantity] [--no-labels] [--native-names] [--geodata DIR] [--timing]\n"
    "                       ") + kImportFlagsSynopsis + "\n" +
    "       briefmap export --video FILE.mp4|.webm|.gif | --frames-dir DIR [--from T] [--to T] [--duration SECONDS]\n"
    "                       [--fps N] [--progress-lines] [any flag above]\n"
    "       briefmap export --video FILE | --frames-dir DIR --tour TOUR.json [--fps N] [any flag above]\n" +
    kImportFlagsHelp + "\n" +
    "--window DAYS: only the last DAYS days up to the moment (older events fade out); --since DATE: the\n"
    "days from DATE to the moment (--time). Without either: everything so far.\n"
    "--scale: text, markers, lines and arrows S times their 1080p size (0.5 to 8); by default the size over\n"
    "1920x1080, at least 1 (a 3840x2160 export is scale 2: the 1080p map, only sharper).\n"
    "Without --data: the default seed briefing. Without --time: the briefing's last day. A date is its noon.\n"
    "Animation: frame k of N = round(fps x duration) shows --from + (--to - --from) k/(N-1) (default: the\n"
    "briefing's first to last day, 10 s, 30 fps; GIF 15 fps). MP4 is H.264, WebM VP9; --frames-dir writes\n"
    "frame-00000.png... and frames.json. --time with the same animation flags draws that frame as a still.\n"
    "--progress-lines: 'progress K N' lines on stderr instead of a progress bar (for programs).\n"
    "Without --bbox: the briefing's own view, else the data's extent (far outliers left out).\n"
    "Without --articles: the places named in the briefing's own articles (rings; the 'mentions' layer).";

// One line that says what is wrong; the whole usage only on --help (it buried the reason).
int usageError(const std::string& message) {
    std::fprintf(stderr, "briefmap export: %s; see briefmap export --help\n", message.c_str());
    return kExitUsage;
}

struct SceneLoad {
    std::optional<render::PreparedScene> prepared;
    render::MentionGeometry mentions;
    model::DayNumber firstDay = 0, lastDay = 0;  // the time range (padded), for animations
    model::DayNumber closingDay = 0;              // the last event's start: the default still
    model::Briefing briefing;  // kept for animations whose frames filter events
    GeoBounds frame{};  // the briefing's view or its data's extent
    model::Diagnostics problems;
    std::string articlesError;
};

SceneLoad loadScene(const std::string& path, const std::string& font, bool nativeNames,
                    const std::vector<std::string>& articlePaths, const model::ImportOptions& importOptions,
                    const std::vector<std::string>& captions) {
    SceneLoad out;
    model::BriefingWithArticles opened = model::loadBriefingWithArticles(path, articlePaths, importOptions);
    model::LoadedBriefing& loaded = opened.loaded;
    printImportReport(path, loaded);
    if (!loaded.ok()) {
        out.problems = std::move(loaded.problems);
        return out;
    }
    if (!opened.articlesError.empty()) {
        out.articlesError = opened.articlesError;
        return out;
    }
    out.mentions.build(opened.mentions);
    Result<render::PreparedScene> prepared = render::prepareScene(loaded.briefing, {}, font, nativeNames, &opened.mentions, captions);
    if (!prepared) {
        out.problems.push_back({path, 0, 0, {}, prepared.error().message});
        return out;
    }
    out.prepared = std::move(*prepared);
    out.firstDay = model::timeRangeOf(loaded.briefing).first;
    out.lastDay = model::timeRangeOf(loaded.briefing).last;
    out.closingDay = model::closingDay(loaded.briefing);
    out.frame = model::openingFrame(loaded.briefing, kDefaultBriefingBounds);
    out.briefing = std::move(loaded.briefing);
    return out;
}

}  // namespace

Result<render::MapLayers> parseLayers(const std::string& text) {
    render::MapLayers layers{false, false, false, false, false, false, false};
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        const std::string name = text.substr(start, end - start);
        if (name == "basemap") layers.basemap = true;
        else if (name == "places") layers.places = true;
        else if (name == "flows") layers.flows = true;
        else if (name == "labels") layers.labels = true;
        else if (name == "legend") layers.legend = true;
        else if (name == "mentions") layers.mentions = true;
        else if (name == "annotations") layers.annotations = true;
        else return Error{"unknown layer '" + name + "'; expected basemap, places, flows, labels, legend, mentions, annotations"};
        start = end + 1;
    }
    return layers;
}

int runExport(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--out", "--size", "--bbox", "--projection", "--theme", "--geodata", "--data",
                                              "--time", "--layers", "--articles", "--columns", "--article-root", "--video", "--frames-dir",
                                              "--from", "--to", "--duration", "--fps", "--tour", "--scale", "--legend", "--title", "--window", "--since", "--size-by"},
                                       {"--world-file", "--graticule", "--no-labels", "--native-names", "--timing", "--strict", "--help",
                                        "--progress-lines", "--cluster"});
    if (!flags) return usageError(flags.error().message);
    if (flags->has("--help")) {
        std::printf("%s\n", kUsage.c_str());
        return kExitOk;
    }
    if (!flags->positional().empty()) return usageError("unexpected argument '" + flags->positional().front() + "'");
    const std::optional<std::string> out = flags->get("--out");
    AnimationOutputs animationOutputs{flags->get("--video"), flags->get("--frames-dir"), flags->has("--progress-lines")};
    const bool animating = animationOutputs.video || animationOutputs.framesDir;
    if (!out && !animating) return usageError("--out FILE.png, --video FILE or --frames-dir DIR is required");
    if (out && animating) return usageError("--out writes one still; --video and --frames-dir write animations: choose one");
    std::optional<video::VideoFormat> videoFormat;
    if (animationOutputs.video) {
        videoFormat = video::videoFormatOf(*animationOutputs.video);
        if (!videoFormat) return usageError("--video: unknown extension in '" + *animationOutputs.video + "'; expected .mp4, .webm or .gif");
    }
    const bool gif = videoFormat == video::VideoFormat::Gif;

    int width = gif ? 800 : 1920, height = gif ? 450 : 1080;
    if (auto size = flags->get("--size")) {
        Result<std::pair<int, int>> parsed = parseSize(*size);
        if (!parsed) return usageError("--size: " + parsed.error().message);
        std::tie(width, height) = parsed.value();
    }
    double scale = defaultOutputScale(width, height);
    if (auto text = flags->get("--scale")) {
        Result<double> parsed = parseScale(*text);
        if (!parsed) return usageError("--scale: " + parsed.error().message);
        scale = *parsed;
    }
    // The map is laid out at the size divided by the scale, then rasterised at the full size.
    const int layoutWidth = std::max(1, static_cast<int>(std::lround(width / scale)));
    const int layoutHeight = std::max(1, static_cast<int>(std::lround(height / scale)));
    if (layoutWidth < 160 || layoutHeight < 90)
        return usageError("--scale: " + std::string(flags->get("--scale").value_or("")) + " leaves a " + std::to_string(layoutWidth) + "x" +
                          std::to_string(layoutHeight) + " layout, too small for the map (at least 160x90)");
    if (animationOutputs.video && (width > 3840 || height > 2160))
        return usageError("--size: a video is at most 3840x2160, got " + std::to_string(width) + "x" + std::to_string(height));
    if (animationOutputs.framesDir && (width > 7680 || height > 4320))
        return usageError("--size: frames are at most 7680x4320, got " + std::to_string(width) + "x" + std::to_string(height));
    if (videoFormat && *videoFormat != video::VideoFormat::Gif && (width % 2 || height % 2))
        return usageError("--size: " + std::string(video::videoFormatName(*videoFormat)) + " needs an even width and height (4:2:0 colour), got " +
                          std::to_string(width) + "x" + std::to_string(height));
    // The animation's clock; --from/--to default to the briefing's time range once it is loaded.
    model::AnimationClock clock;
    clock.fps = gif ? 15 : 30;
    std::optional<model::Moment> from, to;
    const bool clockFlags = flags->get("--from") || flags->get("--to") || flags->get("--duration") || flags->get("--fps");
    if (auto f = flags->get("--fps")) {
        char* end = nullptr;
        const long n = std::strtol(f->c_str(), &end, 10);
        if (f->empty() || *end || n < 1 || n > 120) return usageError("--fps: expected 1 to 120 frames per second, got '" + *f + "'");
        clock.fps = static_cast<int>(n);
    }
    if (auto d = flags->get("--duration")) {
        char* end = nullptr;
        const double seconds = std::strtod(d->c_str(), &end);
        if (d->empty() || *end || !(seconds > 0) || seconds > 3600)
            return usageError("--duration: expected seconds, more than 0 and at most 3600, got '" + *d + "'");
        clock.durationSeconds = seconds;
    }
    for (const auto& [flag, moment] : {std::pair{"--from", &from}, std::pair{"--to", &to}})
        if (auto t = flags->get(flag)) {
            Result<model::Moment> parsed = model::parseMoment(*t);
            if (!parsed) return usageError(std::string(flag) + ": " + parsed.error().message);
            *moment = *parsed;
        }
    if (from && to && *to < *from)
        return usageError("--to (" + model::formatMoment(*to) + ") is before --from (" + model::formatMoment(*from) + ")");
    std::optional<model::Tour> tour;
    if (auto t = flags->get("--tour")) {
        if (!animating) return usageError("--tour plays a tour into --video or --frames-dir");
        if (flags->get("--from") || flags->get("--to") || flags->get("--duration"))
            return usageError("--tour sets its own times and length: drop --from, --to and --duration");
        model::LoadedTour loaded = model::loadTourFile(*t);
        if (!loaded.ok()) {
            printProblems(loaded.problems);
            return kExitFailure;
        }
        tour = std::move(loaded.tour);
    }
    if (clockFlags && !animating && !flags->get("--time"))
        return usageError("--from, --to, --duration and --fps shape an animation: add --video or --frames-dir (or --time for one frame)");
    std::optional<GeoBounds> bounds;
    if (auto bbox = flags->get("--bbox")) {
        std::string why;
        std::optional<GeoBounds> parsed = parseGeoBounds(*bbox, why);
        if (!parsed) return usageError("--bbox: " + why);
        bounds = *parsed;
    }
    Result<model::ImportOptions> importOptions = cli::importOptions(*flags);
    if (!importOptions) return usageError(importOptions.error().message);
    Projection projection = Projection::Mercator;
    if (auto p = flags->get("--projection")) {
        std::optional<Projection> parsed = parseProjection(*p);
        if (!parsed) return usageError("--projection: expected mercator or equirect, got '" + *p + "'");
        projection = *parsed;
    }
    render::MapStyle style;
    if (auto t = flags->get("--theme")) {
        std::optional<render::ThemeName> parsed = render::parseThemeName(*t);
        if (!parsed) return usageError("--theme: expected dark or light, got '" + *t + "'");
        style.theme = *parsed;
    }
    if (auto corner = flags->get("--legend")) {
        std::optional<render::LegendCorner> parsed = render::parseLegendCorner(*corner);
        if (!parsed) return usageError("--legend: expected auto, bottom-left, bottom-right, top-left or top-right, got '" + *corner + "'");
        style.legendCorner = *parsed;
    }
    if (auto l = flags->get("--layers")) {
        Result<render::MapLayers> parsed = parseLayers(*l);
        if (!parsed) return usageError("--layers: " + parsed.error().message);
        style.layers = *parsed;
    }
    // A time window: --window N days, or --since a date (checked against the moment once it is known).
    double windowDays = 0;
    std::optional<model::Moment> since;
    if (flags->get("--window") && flags->get("--since")) return usageError("--window and --since both set a time window: choose one");
    if (auto w = flags->get("--window")) {
        Result<double> days = parseWindowDays(*w);
        if (!days) return usageError("--window: " + days.error().message);
        windowDays = *days;
    }
    if (auto t = flags->get("--since")) {
        Result<model::Moment> parsed = model::parseMoment(*t);
        if (!parsed) return usageError("--since: " + parsed.error().message);
        since = *parsed;
    }
    std::optional<model::Moment> moment;
    if (auto t = flags->get("--time")) {
        if (animating) return usageError("--time draws one still; an animation runs --from … --to");
        Result<model::Moment> parsed = model::parseMoment(*t);
        if (!parsed) return usageError("--time: " + parsed.error().message);
        moment = *parsed;
    }
    style.graticule = flags->has("--graticule");
    style.clusterMarkers = flags->has("--cluster");
    if (auto by = flags->get("--size-by")) {
        if (*by != "events" && *by != "quantity") return usageError("--size-by: expected events or quantity, got '" + *by + "'");
        style.sizeByQuantity = *by == "quantity";
    }
    style.countryLabels = style.regionLabels = style.towns = !flags->has("--no-labels");
    // Fails early (before any rendering) when the output cannot be written there.
    if (out)
        if (Status ok = checkOutputPath(*out); !ok) return usageError("--out: " + ok.error().message);
    if (animationOutputs.video)
        if (Status ok = checkOutputPath(*animationOutputs.video); !ok) return usageError("--video: " + ok.error().message);
    if (animationOutputs.framesDir)
        if (Status ok = checkOutputFolder(*animationOutputs.framesDir); !ok) return usageError("--frames-dir: " + ok.error().message);

    // Geodata is read and prepared (geometry, labels) on a worker thread while this one sets up EGL
    // and warms the GL pipeline: they share nothing until init.
    const std::string geodata = flags->get("--geodata").value_or(geo::defaultGeodataDir());
    const std::string font = render::GlyphAtlas::defaultFontPath();
    std::future<Result<render::PreparedMap>> loading = std::async(std::launch::async, render::loadPreparedMap, geodata, font);
    // The briefing loads (and its scene is prepared) on another worker.
    const std::string dataPath = flags->get("--data").value_or(model::defaultBriefingPath());
    const bool nativeNames = flags->has("--native-names");
    const std::vector<std::string> articlePaths = model::splitPathList(flags->get("--articles").value_or(""));
    if (flags->get("--articles") && articlePaths.empty()) return usageError("--articles: no path given");
    std::vector<std::string> captions;
    if (tour)
        for (const model::TourStep& s : tour->steps) captions.push_back(s.caption);
    if (auto title = flags->get("--title")) captions.push_back(*title);  // its letters in the atlas
    // A store (--data PG:…) is asked only for what this export draws: the area in view (with a margin
    // for great-circle flows that bulge out of their ends' box) and nothing after the last moment
    // shown. Files are read whole whatever the query says.
    model::ImportOptions sceneOptions = *importOptions;
    if (bounds && !tour) {
        const GeoBounds g = MapView::fitBounds(projection, *bounds, width, height).geoExtent();
        const double mx = (g.east - g.west) * 0.25, my = (g.north - g.south) * 0.25;
        GeoBounds area{g.west - mx, std::max(-90.0, g.south - my), g.east + mx, std::min(90.0, g.north + my)};
        if (area.east - area.west < 360) sceneOptions.query.area = area;
    }
    if (!tour) {
        if (moment) sceneOptions.query.to = static_cast<model::DayNumber>(std::floor(moment->day()));
        else if (animating && to) sceneOptions.query.to = static_cast<model::DayNumber>(std::floor(to->day()));
    }
    std::future<SceneLoad> sceneLoading =
        std::async(std::launch::async, loadScene, dataPath, font, nativeNames, articlePaths, sceneOptions, captions);
    Result<std::unique_ptr<render::HeadlessContext>> context = render::HeadlessContext::create();
    render::MapRenderer renderer;
    if (context) renderer.prepare(font);  // a failure resurfaces in init
    Result<render::PreparedMap> prepared = loading.get();
    const double loadedMs = msSinceProcessStart();
    if (!prepared) {
        std::fprintf(stderr, "briefmap export: %s\n", prepared.error().message.c_str());
        return kExitFailure;
    }
    if (!context) {
        std::fprintf(stderr, "briefmap export: %s\n", context.error().message.c_str());
        return kExitFailure;
    }
    if (Status s = renderer.init(std::move(prepared.value())); !s) {
        std::fprintf(stderr, "briefmap export: %s\n", s.error().message.c_str());
        return kExitFailure;
    }
    SceneLoad scene = sceneLoading.get();
    if (auto title = flags->get("--title"); title && scene.prepared) scene.prepared->title = *title;
    if (!scene.problems.empty()) {
        printProblems(scene.problems);
        return kExitFailure;
    }
    if (!scene.articlesError.empty()) {
        std::fprintf(stderr, "briefmap export: --articles: %s\n", scene.articlesError.c_str());
        return kExitFailure;
    }
    if (Status s = renderer.setMentions(std::move(scene.mentions)); !s) {
        std::fprintf(stderr, "briefmap export: %s\n", s.error().message.c_str());
        return kExitFailure;
    }
    if (Status s = renderer.setScene(std::move(*scene.prepared)); !s) {
        std::fprintf(stderr, "briefmap export: %s\n", s.error().message.c_str());
        return kExitFailure;
    }
    clock.from = from.value_or(model::noonOf(scene.firstDay));
    clock.to = to.value_or(model::noonOf(scene.lastDay));
    if (std::string why = model::animationProblem(clock); !why.empty() && !tour && (animating || clockFlags)) return usageError(why);
    const MapView view =
        MapView::fitBounds(projection, bounds.value_or(scene.frame), layoutWidth, layoutHeight).withFramebuffer(width, height);
    if (tour) return exportAnimation(renderer, tourPlan(*tour, view, style, clock.fps), animationOutputs, &scene.briefing);
    if (animating && since) return usageError("--since fixes the window's start, which an animation moves: use --window DAYS");
    if (animating) return exportAnimation(renderer, clockPlan(view, style, clock, windowDays), animationOutputs);
    // Noon of the last event's day by default: that day's events have faded in.
    const model::Moment at = moment.value_or(model::noonOf(scene.closingDay));
    if (since) {
        if (!(*since < at)) return usageError("--since (" + model::formatMoment(*since) + ") is not before the moment shown (" + model::formatMoment(at) + ")");
        windowDays = at.day() - since->day();
    }
    render::SceneFrame stillScene = clockFlags ? render::animationFrame(clock, at) : render::stillFrame(at);
    stillScene.windowDays = windowDays;
    renderer.setSceneFrame(stillScene);
    const double readyMs = msSinceProcessStart();
    render::ExportTimings timings;
    // With an animation's flags the still is that animation's frame, drawn the way the animation is.
    Status written = clockFlags ? exportAnimationStill(renderer, {view, style, stillScene, at, {}}, *out)
                                : render::exportMapPng(renderer, view, style, *out, flags->has("--world-file"), &timings);
    if (written && clockFlags && flags->has("--world-file")) written = geo::writeWorldFiles(*out, view);
    if (Status s = written; !s) {
        std::fprintf(stderr, "briefmap export: %s\n", s.error().message.c_str());
        return kExitFailure;
    }
    const GeoBounds g = view.geoExtent();
    const ProjectedExtent e = view.projectedExtent();
    std::printf("wrote %s %dx%d %s extent lon/lat %.6f,%.6f,%.6f,%.6f EPSG:%d %.3f,%.3f,%.3f,%.3f\n", out->c_str(),
                width, height, std::string(projectionName(projection)).c_str(), g.west, g.south, g.east, g.north,
                epsgCode(projection), e.xmin, e.ymin, e.xmax, e.ymax);
    if (flags->has("--timing"))
        std::printf("{\"geodata_loaded_ms\":%.1f,\"renderer_ready_ms\":%.1f,\"render_ms\":%.1f,\"first_frame_ms\":%.1f,"
                    "\"readback_ms\":%.1f,\"encode_ms\":%.1f,\"total_ms\":%.1f}\n",
                    loadedMs, readyMs, timings.renderMs, readyMs + timings.renderMs, timings.readbackMs,
                    timings.encodeMs, msSinceProcessStart());
    return kExitOk;
}

}  // namespace briefmap::cli
