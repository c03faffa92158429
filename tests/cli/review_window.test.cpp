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
    test::copySeedBriefing(dir / "briefing");
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

TEST_CASE("a sentence picked in the reader and a flow dragged between two markers make a sourced event") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const fs::path dir = test::makeTempDir("briefmap-source-window");
    test::copySeedBriefing(dir / "briefing");
    const auto run = test::runWindowSession("source-session.sh", dir / "session", {(dir / "briefing" / "seed.json").string()});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    nlohmann::json selected, flow;
    for (const auto& t : test::readSessionTrace(dir / "session")) {
        if (t["action"] == "sentence_selected") selected = t;
        if (t["action"] == "flow_added") flow = t;
    }
    REQUIRE(selected.is_object());
    REQUIRE(flow.is_object());
    CHECK(flow["from"] == "Pyongyang");
    CHECK(flow["to"] == "Moscow");
    // Saved: the new event cites exactly the sentence picked, at its offsets, as a draft to review.
    const model::LoadedBriefing saved = model::loadBriefingFile((dir / "briefing" / "seed.json").string(), test::geocoder());
    REQUIRE_MESSAGE(saved.ok(), saved.problems.front().text());
    const model::Briefing& b = saved.briefing;
    const uint32_t e = b.findEvent(flow["event"].get<std::string>());
    REQUIRE(e != model::kNone);
    const model::Event& event = b.events[e];
    CHECK(event.review == model::ReviewState::Draft);
    REQUIRE(event.flow);
    CHECK(b.places[event.flow->from].name == "Pyongyang");
    CHECK(b.places[event.flow->to].name == "Moscow");
    REQUIRE(event.sources.size() == 1);
    const model::Source& s = event.sources[0];
    CHECK(b.articles[s.article].id == "000");
    CHECK(s.start == selected["start"].get<uint32_t>());
    CHECK(s.end == selected["end"].get<uint32_t>());
    CHECK(s.quote.rfind("Kim has also agreed to send thousands of military construction workers", 0) == 0);
    fs::remove_all(dir);
}
