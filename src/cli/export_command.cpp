// `briefmap export`: the map rendered headless (EGL, no X server) to a PNG, optionally georeferenced.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <future>

#include "cli/commands.hpp"
#include "core/atomic_file.hpp"
#include "cli/flags.hpp"
#include "cli/import_flags.hpp"
#include "geo/basemap.hpp"
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
    "usage: briefmap export --out FILE.png [--data FILE] [--time YYYY-MM-DD] [--size WxH]\n"
    "                       [--bbox WEST,SOUTH,EAST,NORTH] [--layers basemap,places,flows,labels,legend,mentions]\n"
    "                       [--articles FILE.txt|DIR[,...]]\n"
    "                       [--projection mercator|equirect] [--theme dark|light] [--world-file]\n"
    "                       [--graticule] [--no-labels] [--native-names] [--geodata DIR] [--timing]\n"
    "                       ") + kImportFlagsSynopsis + "\n" + kImportFlagsHelp + "\n" +
    "Without --data: the default seed briefing. Without --time: the briefing's last day.\n"
    "Without --bbox: the briefing's own view, else the data's extent (far outliers left out).\n"
    "Without --articles: the places named in the briefing's own articles (rings; the 'mentions' layer).";

int usageError(const std::string& message) {
    std::fprintf(stderr, "briefmap export: %s\n%s\n", message.c_str(), kUsage.c_str());
    return kExitUsage;
}

struct SceneLoad {
    std::optional<render::PreparedScene> prepared;
    render::MentionGeometry mentions;
    model::DayNumber lastDay = 0;
    GeoBounds frame{};  // the briefing's view or its data's extent
    model::Diagnostics problems;
    std::string articlesError;
};

SceneLoad loadScene(const std::string& path, const std::string& font, bool nativeNames,
                    const std::vector<std::string>& articlePaths, const model::ImportOptions& importOptions) {
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
    Result<render::PreparedScene> prepared = render::prepareScene(loaded.briefing, {}, font, nativeNames, &opened.mentions);
    if (!prepared) {
        out.problems.push_back({path, 0, 0, {}, prepared.error().message});
        return out;
    }
    out.prepared = std::move(*prepared);
    out.lastDay = model::timeRangeOf(loaded.briefing).last;
    out.frame = model::openingFrame(loaded.briefing, kDefaultBriefingBounds);
    return out;
}

}  // namespace

Result<render::MapLayers> parseLayers(const std::string& text) {
    render::MapLayers layers{false, false, false, false, false, false};
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
        else return Error{"unknown layer '" + name + "'; expected basemap, places, flows, labels, legend, mentions"};
        start = end + 1;
    }
    return layers;
}

int runExport(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--out", "--size", "--bbox", "--projection", "--theme", "--geodata", "--data",
                                              "--time", "--layers", "--articles", "--columns", "--article-root"},
                                       {"--world-file", "--graticule", "--no-labels", "--native-names", "--timing", "--strict", "--help"});
    if (!flags) return usageError(flags.error().message);
    if (flags->has("--help")) {
        std::printf("%s\n", kUsage.c_str());
        return kExitOk;
    }
    if (!flags->positional().empty()) return usageError("unexpected argument '" + flags->positional().front() + "'");
    const std::optional<std::string> out = flags->get("--out");
    if (!out) return usageError("--out FILE.png is required");

    int width = 1920, height = 1080;
    if (auto size = flags->get("--size")) {
        Result<std::pair<int, int>> parsed = parseSize(*size);
        if (!parsed) return usageError("--size: " + parsed.error().message);
        std::tie(width, height) = parsed.value();
    }
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
    if (auto l = flags->get("--layers")) {
        Result<render::MapLayers> parsed = parseLayers(*l);
        if (!parsed) return usageError("--layers: " + parsed.error().message);
        style.layers = *parsed;
    }
    std::optional<model::DayNumber> day;
    if (auto t = flags->get("--time")) {
        Result<model::PartialDate> parsed = model::parsePartialDate(*t);
        if (!parsed || !parsed->day) return usageError("--time: expected YYYY-MM-DD, got '" + *t + "'");
        day = parsed->firstDay();
    }
    style.graticule = flags->has("--graticule");
    style.countryLabels = style.regionLabels = !flags->has("--no-labels");
    // Fails early (before any rendering) when the output cannot be written there.
    if (Status ok = checkOutputPath(*out); !ok) return usageError("--out: " + ok.error().message);

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
    std::future<SceneLoad> sceneLoading =
        std::async(std::launch::async, loadScene, dataPath, font, nativeNames, articlePaths, *importOptions);
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
    render::SceneFrame frame;
    frame.day = day ? *day + 0.5 : scene.lastDay + 0.5;  // noon: a day's events have faded in
    if (Status s = renderer.setScene(std::move(*scene.prepared)); !s) {
        std::fprintf(stderr, "briefmap export: %s\n", s.error().message.c_str());
        return kExitFailure;
    }
    renderer.setSceneFrame(frame);
    const MapView view = MapView::fitBounds(projection, bounds.value_or(scene.frame), width, height);
    const double readyMs = msSinceProcessStart();
    render::ExportTimings timings;
    if (Status s = render::exportMapPng(renderer, view, style, *out, flags->has("--world-file"), &timings); !s) {
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
