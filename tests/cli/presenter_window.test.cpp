// The presenter's flow in the real window under Xvfb, with real key presses (scripts/presenter-
// session.sh, xdotool): → steps through events in order, ↑ changes speed without moving time, ← steps
// back, space plays and pauses, End jumps, H hides the panels, F12 writes map screenshots.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "model/briefing_loader.hpp"
#include "model/timeline.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

TEST_CASE("presenter keys in the real window: stepping in order, speed, play, screenshots") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const fs::path dir = test::makeTempDir("briefmap-presenter");
    const auto run = test::runWindowSession("presenter-session.sh", dir);
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    const std::vector<nlohmann::json> trace = test::readSessionTrace(dir);
    std::vector<std::string> actions;
    for (const auto& t : trace) actions.push_back(t["action"]);
    const std::vector<std::string> expected{"next", "next", "next", "faster", "screenshot", "prev", "screenshot",
                                            "play", "pause", "end", "panels", "screenshot"};
    REQUIRE(actions == expected);

    // → visits the briefing's event days in order, from the start day given (2019-01-01).
    const model::LoadedBriefing seed = model::loadBriefingFile(model::defaultBriefingPath(), test::geocoder());
    double day = model::dayNumber(2019, 1, 1) + 0.5;
    for (int i = 0; i < 3; ++i) {
        const model::DayNumber next = model::nextEventDay(seed.briefing, {}, day);
        CHECK(trace[i]["day"] == model::formatDay(next));
        CHECK(!trace[i]["events"].empty());
        day = next + 0.5;
    }
    CHECK(trace[3]["day"] == trace[2]["day"]);  // a new speed never moves the position
    CHECK(trace[3]["days_per_second"].get<double>() > trace[2]["days_per_second"].get<double>());
    CHECK(trace[5]["day"] == trace[1]["day"]);  // ← goes back one stop
    CHECK(trace[8]["day"].get<std::string>() > trace[7]["day"].get<std::string>());  // time played
    CHECK(trace[9]["day"] == model::formatDay(model::timeRangeOf(seed.briefing).last + 1));

    // Three different map screenshots at the window's size, without the panels.
    std::vector<test::Image> shots;
    for (size_t i : {4u, 6u, 11u}) {
        CHECK(trace[i]["ok"] == true);
        test::Image image;
        REQUIRE(test::readPng((dir / fs::path(trace[i]["path"].get<std::string>()).filename()).string(), image));
        CHECK(image.width == 1600);
        CHECK(image.height == 900);
        shots.push_back(std::move(image));
    }
    CHECK(shots[0].rgb != shots[1].rgb);
    CHECK(shots[1].rgb != shots[2].rgb);
    fs::remove_all(dir);
}
