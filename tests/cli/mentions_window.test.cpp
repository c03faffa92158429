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
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    // Where the window's default view (1600x900) puts Beijing.
    const MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 1600, 900);
    const Vec2d beijing = view.projectedToScreen(project(Projection::Mercator, {116.39723, 39.9075}));
    const fs::path dir = test::makeTempDir("briefmap-mentions");
    // The details panel's first sentence sits under its three header lines and the article's heading.
    const auto run = test::runWindowSession("mentions-session.sh", dir,
                                            {std::to_string(static_cast<int>(beijing.x)),
                                             std::to_string(static_cast<int>(beijing.y)), "1373", "200"});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    const std::vector<nlohmann::json> trace = test::readSessionTrace(dir);
    REQUIRE(trace.size() == 2);
    CHECK(trace[0]["action"] == "select");
    CHECK(trace[0]["mention"] == "Beijing");
    CHECK(trace[1]["action"] == "open_article");
    CHECK(trace[1]["highlight"] == "Beijing");
    CHECK(fs::path(trace[1]["article"].get<std::string>()).filename() == "001_0d6f518247be4f64.txt");
    fs::remove_all(dir);
}

TEST_CASE("articles added from the window's Map panel appear as rings, a bad path is reported") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const fs::path dir = test::makeTempDir("briefmap-add-articles");
    const fs::path articles = dir / "articles";
    fs::create_directories(articles);
    test::writeTextFile(articles / "a.txt", "Troops trained near Khabarovsk and Ussuriysk, officials in Seoul said.");
    test::writeTextFile(articles / "b.txt", "A train left Khasan for Vladivostok.");
    const auto run = test::runWindowSession("add-articles-session.sh", dir, {articles.string()});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    const std::vector<nlohmann::json> trace = test::readSessionTrace(dir);
    REQUIRE(trace.size() == 2);
    CHECK(trace[0]["action"] == "articles_added");
    CHECK(trace[0]["articles"] == 7);  // the five seed articles and the two added
    CHECK(trace[1]["action"] == "articles_error");
    CHECK(trace[1]["error"] == (dir / "missing.txt").string() + ": no such file");
    fs::remove_all(dir);
}
