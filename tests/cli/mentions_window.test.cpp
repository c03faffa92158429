// The articles layer in the real window under Xvfb, with real clicks (scripts/mentions-session.sh):
// a click on the Beijing ring (a place only the articles name) selects it, and a click on the
// sentence listed for it opens that article with "Beijing" highlighted.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "core/map_view.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

TEST_CASE("articles layer in the real window: click a ring, then its sentence") {
    for (const char* tool : {"xvfb-run", "xdotool"})
        if (test::runProgram({"sh", "-c", std::string("command -v ") + tool}).exitCode != 0) {
            MESSAGE(tool << " not installed: skipped");
            return;
        }
    // Where the window's default view (1600x900) puts Beijing.
    const MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 1600, 900);
    const Vec2d beijing = view.projectedToScreen(project(Projection::Mercator, {116.39723, 39.9075}));
    const fs::path dir = test::makeTempDir("briefmap-mentions");
    // The details panel's first sentence sits under its three header lines and the article's heading.
    const auto run = test::runProgram({"timeout", "120", "xvfb-run", "-a", "-s", "-screen 0 1600x900x24",
                                       std::string(BRIEFMAP_SOURCE_DIR) + "/scripts/mentions-session.sh", BRIEFMAP_BINARY,
                                       dir.string(), std::to_string(static_cast<int>(beijing.x)),
                                       std::to_string(static_cast<int>(beijing.y)), "1373", "200"});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    std::ifstream traceFile(dir / "trace.jsonl");
    std::vector<nlohmann::json> trace;
    for (std::string line; std::getline(traceFile, line);) trace.push_back(nlohmann::json::parse(line));
    REQUIRE(trace.size() == 2);
    CHECK(trace[0]["action"] == "select");
    CHECK(trace[0]["mention"] == "Beijing");
    CHECK(trace[1]["action"] == "open_article");
    CHECK(trace[1]["highlight"] == "Beijing");
    CHECK(fs::path(trace[1]["article"].get<std::string>()).filename() == "001_0d6f518247be4f64.txt");
    fs::remove_all(dir);
}
