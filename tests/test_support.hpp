// Helpers shared by tests: running the briefmap binary, reading PNGs, temporary paths.
#pragma once
#include <nlohmann/json.hpp>
#include <ogr_spatialref.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

#include "geo/geocoder.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/render_target.hpp"
#include <string>
#include <vector>

namespace briefmap::test {

struct CommandResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

// Runs the built briefmap binary with `args` (no shell), DISPLAY unset unless keepDisplay.
CommandResult runBriefmap(const std::vector<std::string>& args, bool keepDisplay = false);
CommandResult runProgram(const std::vector<std::string>& argv, bool keepDisplay = false);

struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;  // top-down
    const uint8_t* at(int x, int y) const { return rgb.data() + (static_cast<size_t>(y) * width + x) * 3; }
};
bool readPng(const std::string& path, Image& out);
bool writePngFile(const std::string& path, const Image& image);

// PROJ's WGS84 (lon, lat order) → EPSG:3857 transformation, as an independent check on our formulas.
std::unique_ptr<OGRCoordinateTransformation> makeWgs84ToWebMercator();

// The default geodata, an EGL context and an initialised renderer drawing into a width x height
// offscreen target (bound): the set-up of every in-process rendering test.
struct HeadlessMap {
    HeadlessMap(int width, int height);
    std::unique_ptr<render::HeadlessContext> context;
    render::MapRenderer renderer;
    std::optional<render::RenderTarget> target;
};

// The default gazetteer and a geocoder over it, loaded once per test process.
const geo::Geocoder& geocoder();

// The seed briefing, loaded and geocoded once per test process; and set as a renderer's scene.
const model::Briefing& seedBriefing();
void setSeedScene(render::MapRenderer& renderer);

// Writes `text` to `path` (creating nothing else); the test data of file-reading tests.
void writeTextFile(const std::filesystem::path& path, const std::string& text);

// The real-window sessions (scripts/*-session.sh under xvfb-run): whether xvfb-run and xdotool are
// installed; running one (BRIEFMAP_BINARY OUTDIR ARGS..., 1600x900 screen, 180 s at most); and its
// trace (OUTDIR/trace.jsonl) after the leading "ready" line, which it checks.
bool haveWindowTools();
CommandResult runWindowSession(const std::string& script, const std::filesystem::path& outDir,
                               const std::vector<std::string>& args = {});
std::vector<nlohmann::json> readSessionTrace(const std::filesystem::path& outDir);

// A fresh folder under the system temp dir, removed by the caller if wanted.
std::filesystem::path makeTempDir(const std::string& prefix);
// A copy of the seed briefing (seed.json) with its articles in `dir` (created): a briefing to edit.
std::filesystem::path copySeedBriefing(const std::filesystem::path& dir);
// A file's bytes ("" when it cannot be read).
std::string readText(const std::filesystem::path& path);

}  // namespace briefmap::test
