// The window on the PostGIS store (--data PG:…) under Xvfb with real key presses
// (scripts/store-session.sh): an edit is written to the store as it is made; when another editor
// changes the same event meanwhile, the next edit is refused and undone, and the window shows theirs.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "store/store_test_support.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

TEST_CASE("store: the window writes each edit to the store and refuses to overwrite another editor's") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const std::string pg = test::freshStoreAddress();
    const fs::path dir = test::makeTempDir("briefmap-store-window");
    REQUIRE(test::runBriefmap({"push", test::copySeedBriefing(dir / "seed").string(), "--to", pg}).exitCode == 0);
    // Another editor: the event this window wrote (version 2) changed by someone else (version 3).
    std::string conninfo = pg.substr(3);
    conninfo.erase(std::remove(conninfo.begin(), conninfo.end(), '\''), conninfo.end());
    const std::string hook = "psql -X -q '" + conninfo + "' -c \"UPDATE briefmap_events SET version = version + 1, "
                             "body = jsonb_set(body::jsonb, '{summary}', '\\\"Theirs.\\\"')::json WHERE version = 2\"";
    const std::string mine = "Written from the window.", second = "Second edit, refused.";
    setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
    const auto run = test::runWindowSession("store-session.sh", dir / "session", {pg, mine, second, hook});
    unsetenv("XDG_STATE_HOME");
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    std::vector<std::string> actions;
    std::string conflict, shownAfter;
    for (const auto& t : test::readSessionTrace(dir / "session")) {
        actions.push_back(t["action"]);
        if (t["action"] == "store_conflict") {
            conflict = t["error"];
            shownAfter = t.value("summary_now", "");
        }
    }
    for (const char* expected : {"event_edited", "store_written", "store_conflict", "undo"})
        CHECK_MESSAGE(std::count(actions.begin(), actions.end(), expected) >= (std::string(expected) == "undo" ? 0 : 1), expected);
    CHECK(conflict.find("changed in the store since you saw version 2 (now version 3)") != std::string::npos);
    CHECK(shownAfter == "Theirs.");  // the window now shows the other editor's version
    // The first edit went in as version 2; theirs is version 3 and stands; the refused one is nowhere.
    CHECK(test::storeScalar(pg, "SELECT count(*) FROM briefmap_events WHERE version = 3 AND body->>'summary' = 'Theirs.'") == "1");
    CHECK(test::storeScalar(pg, "SELECT count(*) FROM briefmap_events WHERE version > 1") == "1");
    CHECK(test::storeScalar(pg, "SELECT count(*) FROM briefmap_events WHERE body->>'summary' = '" + second + "'") == "0");
    fs::remove_all(dir);
}

TEST_CASE("store: a store larger than one read is read by the area in view and a year around the slider") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const std::string pg = test::freshStoreAddress();
    const fs::path dir = test::makeTempDir("briefmap-store-read");
    REQUIRE(test::runBriefmap({"push", test::copySeedBriefing(dir / "seed").string(), "--to", pg}).exitCode == 0);
    setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
    setenv("BRIEFMAP_STORE_WINDOW_EVENTS", "20", 1);  // the seed's 46 events are "too many"
    const auto run = test::runWindowSession("store-read-session.sh", dir / "session", {pg});
    unsetenv("BRIEFMAP_STORE_WINDOW_EVENTS");
    unsetenv("XDG_STATE_HOME");
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    std::vector<nlohmann::json> reads;
    for (const auto& t : test::readSessionTrace(dir / "session"))
        if (t["action"] == "store_area_read") reads.push_back(t);
    REQUIRE(reads.size() >= 2);
    // The first refinement around the last day (2025), the second around the first (2019): both at
    // most the limit, and different events.
    CHECK(reads[0]["read_events"].get<int>() <= 20);
    CHECK(reads[0]["read_events"].get<int>() > 0);
    CHECK(reads[0]["day"].get<std::string>().rfind("2025", 0) == 0);
    CHECK(reads[1]["day"].get<std::string>().rfind("2019", 0) == 0);
    CHECK(reads[1]["read_events"].get<int>() > 0);
    fs::remove_all(dir);
}
