// Adding reporting and reviewing drafts in the real window under Xvfb with real key presses
// (scripts/review-session.sh): Ctrl+O drafts an HTML page in the background into draft events; N
// goes to the weakest, A accepts it, R rejects the next; Ctrl+S saves a valid briefing where the
// accepted event is reviewed, the rejected one is remembered, and the page's text sits beside it.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "model/briefing_loader.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

TEST_CASE("articles added in the window are drafted, and drafts accepted and rejected with keys") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const fs::path dir = test::makeTempDir("briefmap-review-window");
    fs::create_directories(dir / "briefing");
    fs::copy(fs::path(model::defaultBriefingPath()).parent_path() / "articles", dir / "briefing" / "articles");
    fs::copy_file(model::defaultBriefingPath(), dir / "briefing" / "seed.json");
    const std::string page = std::string(BRIEFMAP_TEST_DIR) + "/fixtures/draft/drones-page.html";
    const auto run = test::runWindowSession("review-session.sh", dir / "session", {(dir / "briefing" / "seed.json").string(), page});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    std::string accepted, rejected;
    int newEvents = 0;
    for (const auto& t : test::readSessionTrace(dir / "session")) {
        if (t["action"] == "articles_drafted") newEvents = t["new_events"];
        if (t["action"] == "review_accept") accepted = t["event"];
        if (t["action"] == "review_reject") rejected = t["event"];
    }
    REQUIRE(newEvents >= 2);
    REQUIRE_FALSE(accepted.empty());
    REQUIRE_FALSE(rejected.empty());
    CHECK(accepted != rejected);
    // Saved: valid, the page's text beside the briefing, one draft fewer for each decision.
    const model::LoadedBriefing saved = model::loadBriefingFile((dir / "briefing" / "seed.json").string(), test::geocoder());
    REQUIRE_MESSAGE(saved.ok(), saved.problems.front().text());
    CHECK(fs::exists(dir / "briefing" / "drones-page.txt"));
    const model::Briefing& b = saved.briefing;
    const uint32_t a = b.findEvent(accepted);
    REQUIRE(a != model::kNone);
    CHECK(b.events[a].review == model::ReviewState::Reviewed);
    CHECK(b.findEvent(rejected) == model::kNone);
    REQUIRE(b.rejected.size() == 1);
    CHECK(b.rejected[0].id == rejected);
    size_t drafts = 0;
    for (const model::Event& e : b.events) drafts += e.review == model::ReviewState::Draft;
    CHECK(drafts == static_cast<size_t>(newEvents) - 2);
    fs::remove_all(dir);
}
