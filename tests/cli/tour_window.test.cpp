// The tour and Export video in the real window under Xvfb, with real key presses
// (scripts/tour-session.sh): Page Down walks the steps (moment and caption of each), Ctrl+E exports
// the briefing as an MP4 in the background, which decodes to the frames expected.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "export/video_api.hpp"
#include "model/briefing_loader.hpp"
#include "model/tour.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

TEST_CASE("tour keys and Export video in the real window") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const fs::path dir = test::makeTempDir("briefmap-tour-window");
    const auto run = test::runWindowSession("tour-session.sh", dir);
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    const model::LoadedTour tour = model::loadTourFile(model::tourPathFor(model::defaultBriefingPath()));
    REQUIRE(tour.ok());
    std::vector<nlohmann::json> steps;
    std::string video, exported;
    for (const auto& t : test::readSessionTrace(dir)) {
        if (t["action"] == "tour_step") steps.push_back(t);
        if (t["action"] == "video_started") video = t["path"];
        if (t["action"] == "video_exported" || t["action"] == "video_failed") exported = t["action"].get<std::string>() + ": " + t["message"].get<std::string>();
    }
    REQUIRE(steps.size() == 3);
    const int expectedSteps[] = {0, 1, 0};
    for (size_t i = 0; i < 3; ++i) {
        const model::TourStep& step = tour.tour.steps[static_cast<size_t>(expectedSteps[i])];
        CHECK(steps[i]["step"] == expectedSteps[i]);
        CHECK(steps[i]["caption"] == step.caption);
        CHECK(steps[i]["day"] == model::formatMoment(step.from).substr(0, 10));
    }
    REQUIRE_FALSE(video.empty());
    CHECK_MESSAGE(exported.rfind("video_exported", 0) == 0, exported);
    const fs::path file = fs::path(video).is_absolute() ? fs::path(video) : dir / video;
    Result<const video::VideoApi*> api = video::videoApi();
    REQUIRE(api);
    Result<video::VideoProbe> probe = (*api)->probe(file.string());
    REQUIRE_MESSAGE(probe, probe.error().message);
    CHECK(probe->codec == "h264");
    CHECK(probe->width == 1280);
    CHECK(probe->frames == 300);  // the panel's defaults: 10 s at 30 fps
    fs::remove_all(dir);
}
