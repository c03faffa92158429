// Process spawning and PNG helpers for the tests.
#include "test_support.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <random>

#include <doctest/doctest.h>

#include "geo/basemap.hpp"
#include "model/briefing_loader.hpp"
#include "render/glyph_atlas.hpp"
#include "render/png_writer.hpp"
#include "stb_image.h"

extern char** environ;

namespace briefmap::test {

CommandResult runProgram(const std::vector<std::string>& args, bool keepDisplay) {
    std::vector<char*> env;
    for (char** e = environ; *e; ++e)
        if (keepDisplay || std::string(*e).rfind("DISPLAY=", 0) != 0) env.push_back(*e);
    env.push_back(nullptr);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int fds[2];
    CommandResult result;
    if (pipe(fds) != 0) return result;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (spawned != 0) {
        close(fds[0]);
        return result;
    }
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) result.output.append(buf, static_cast<size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

CommandResult runBriefmap(const std::vector<std::string>& args, bool keepDisplay) {
    std::vector<std::string> argv{BRIEFMAP_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProgram(argv, keepDisplay);
}

bool readPng(const std::string& path, Image& out) {
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &out.width, &out.height, &channels, 3);
    if (!data) return false;
    out.rgb.assign(data, data + static_cast<size_t>(out.width) * out.height * 3);
    stbi_image_free(data);
    return true;
}

bool writePngFile(const std::string& path, const Image& image) {
    return static_cast<bool>(render::writePng(path, render::PixelRows{image.rgb.data(), image.width, image.height, 3, false}));
}

HeadlessMap::HeadlessMap(int width, int height) {
    Result<geo::Basemap> data = geo::loadBasemap(geo::defaultGeodataDir());
    REQUIRE_MESSAGE(data.ok(), (data.ok() ? "" : data.error().message));
    auto created = render::HeadlessContext::create();
    REQUIRE_MESSAGE(created.ok(), (created.ok() ? "" : created.error().message));
    context = std::move(created.value());
    REQUIRE(renderer.init(data.value(), render::GlyphAtlas::defaultFontPath()).ok());
    auto made = render::RenderTarget::create(width, height);
    REQUIRE(made.ok());
    target = std::move(made.value());
    target->bind();
}

std::unique_ptr<OGRCoordinateTransformation> makeWgs84ToWebMercator() {
    OGRSpatialReference wgs84, mercator;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    mercator.importFromEPSG(3857);
    return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&wgs84, &mercator));
}

std::filesystem::path makeTempDir(const std::string& prefix) {
    std::random_device rd;
    const auto dir = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path copySeedBriefing(const std::filesystem::path& dir) {
    const std::filesystem::path seed = model::defaultBriefingPath();
    std::filesystem::create_directories(dir);
    std::filesystem::copy(seed.parent_path() / "articles", dir / "articles");
    std::filesystem::copy_file(seed, dir / "seed.json");
    return dir / "seed.json";
}

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const geo::Geocoder& geocoder() {
    static const Result<geo::Gazetteer> gaz = geo::Gazetteer::load(geo::Gazetteer::defaultPath());
    if (!gaz) throw std::runtime_error(gaz.error().message);
    static const geo::Geocoder instance(*gaz);
    return instance;
}

const model::Briefing& seedBriefing() {
    static const model::LoadedBriefing loaded = model::loadBriefingFile(model::defaultBriefingPath(), geocoder());
    if (!loaded.ok()) throw std::runtime_error(loaded.problems[0].text());
    return loaded.briefing;
}

void setSeedScene(render::MapRenderer& renderer) {
    Result<render::PreparedScene> scene = render::prepareScene(seedBriefing(), {}, render::GlyphAtlas::defaultFontPath(), false);
    REQUIRE_MESSAGE(scene.ok(), (scene.ok() ? "" : scene.error().message));
    REQUIRE(renderer.setScene(std::move(*scene)).ok());
}

void writeTextFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

bool haveWindowTools() {
    for (const char* tool : {"xvfb-run", "xdotool"})
        if (runProgram({"sh", "-c", std::string("command -v ") + tool}).exitCode != 0) return false;
    return true;
}

CommandResult runWindowSession(const std::string& script, const std::filesystem::path& outDir,
                               const std::vector<std::string>& args) {
    // Recovery files go to the session's own folder unless the test chose one: a developer's own
    // unsaved work must neither show up in a test nor be touched by one.
    const char* state = std::getenv("XDG_STATE_HOME");
    const std::string stateDir = state && *state ? state : (outDir / "state").string();
    std::vector<std::string> argv{"env", "XDG_STATE_HOME=" + stateDir, "timeout", "180", "xvfb-run", "-a", "-s", "-screen 0 1600x900x24",
                                  std::string(BRIEFMAP_SOURCE_DIR) + "/scripts/" + script, BRIEFMAP_BINARY,
                                  outDir.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProgram(argv);
}

std::vector<nlohmann::json> readSessionTrace(const std::filesystem::path& outDir) {
    std::ifstream in(outDir / "trace.jsonl");
    std::vector<nlohmann::json> trace;
    for (std::string line; std::getline(in, line);) trace.push_back(nlohmann::json::parse(line));
    CHECK_MESSAGE(!trace.empty(), "no trace");
    if (trace.empty()) return trace;
    CHECK(trace.front()["action"] == "ready");  // the briefing on the map; the session starts after it
    trace.erase(trace.begin());
    return trace;
}

}  // namespace briefmap::test
