// `briefmap export`: the map rendered headless (EGL, no X server) to a PNG, optionally georeferenced.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <future>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "geo/basemap.hpp"
#include "render/glyph_atlas.hpp"
#include "render/headless_context.hpp"
#include "render/map_export.hpp"

namespace briefmap::cli {

namespace {

constexpr const char* kUsage =
    "usage: briefmap export --out FILE.png [--size WxH] [--bbox WEST,SOUTH,EAST,NORTH]\n"
    "                       [--projection mercator|equirect] [--theme dark|light] [--world-file]\n"
    "                       [--graticule] [--no-labels] [--geodata DIR] [--timing]";

int usageError(const std::string& message) {
    std::fprintf(stderr, "briefmap export: %s\n%s\n", message.c_str(), kUsage);
    return kExitUsage;
}

// Fails early (before any rendering) when the output folder cannot take the file.
std::string checkOutputPath(const std::string& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (out.empty()) return "--out: empty path";
    if (fs::is_directory(out, ec)) return "--out: '" + out + "' is a directory";
    fs::path dir = fs::path(out).parent_path();
    if (dir.empty()) dir = ".";
    if (!fs::is_directory(dir, ec)) return "--out: folder '" + dir.string() + "' does not exist";
    if (::access(dir.c_str(), W_OK) != 0) return "--out: folder '" + dir.string() + "' is not writable";
    return {};
}

}  // namespace

int runExport(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--out", "--size", "--bbox", "--projection", "--theme", "--geodata"},
                                       {"--world-file", "--graticule", "--no-labels", "--timing", "--help"});
    if (!flags) return usageError(flags.error().message);
    if (flags->has("--help")) {
        std::printf("%s\n", kUsage);
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
    GeoBounds bounds = kDefaultBriefingBounds;
    if (auto bbox = flags->get("--bbox")) {
        std::string why;
        std::optional<GeoBounds> parsed = parseGeoBounds(*bbox, why);
        if (!parsed) return usageError("--bbox: " + why);
        bounds = *parsed;
    }
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
    style.graticule = flags->has("--graticule");
    style.countryLabels = style.regionLabels = !flags->has("--no-labels");
    if (std::string why = checkOutputPath(*out); !why.empty()) return usageError(why);

    // Geodata is read and prepared (geometry, labels) on a worker thread while this one sets up EGL
    // and warms the GL pipeline: they share nothing until init.
    const std::string geodata = flags->get("--geodata").value_or(geo::defaultGeodataDir());
    const std::string font = render::GlyphAtlas::defaultFontPath();
    const MapView view = MapView::fitBounds(projection, bounds, width, height);
    std::future<Result<render::PreparedMap>> loading = std::async(std::launch::async, render::loadPreparedMap, geodata, font);
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
