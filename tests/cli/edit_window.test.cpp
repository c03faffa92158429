// Editing in the real window under Xvfb with real key presses (scripts/edit-session.sh,
// scripts/recovery-session.sh): an event and a place edited through the UI, undone and redone, saved
// to exactly the file the edit model writes for the same edits; undone back to the start, the file
// is byte for byte the original; a kill loses nothing (the recovery file is offered and taken), and
// quitting with unsaved changes asks.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "model/briefing_document.hpp"
#include "model/briefing_loader.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::model;
namespace fs = std::filesystem;


TEST_CASE("an event and a place edited in the real window, undone, redone and saved") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const fs::path dir = test::makeTempDir("briefmap-edit-window");
    const fs::path briefing = test::copySeedBriefing(dir / "briefing");
    setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
    const std::string summary = "Kim and Putin meet in Vladivostok: their first summit.";
    const auto run = test::runWindowSession("edit-session.sh", dir / "session", {briefing.string(), summary, "Nakhodka"});
    unsetenv("XDG_STATE_HOME");
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    nlohmann::json fixed;
    std::vector<std::string> actions;
    for (const auto& t : test::readSessionTrace(dir / "session")) {
        actions.push_back(t["action"]);
        if (t["action"] == "place_fixed") fixed = t;
    }
    REQUIRE(fixed.is_object());
    CHECK(fixed["place"] == "Vladivostok");
    CHECK(fixed["lon"].get<double>() == doctest::Approx(132.87).epsilon(0.001));  // Nakhodka, ~85 km east
    CHECK(fixed["why"].get<std::string>().find("Nakhodka") != std::string::npos);
    for (const char* expected : {"event_edited", "place_fixed", "undo", "redo", "saved", "search_choose", "view"})
        CHECK_MESSAGE(std::count(actions.begin(), actions.end(), expected) >= 1, expected);
    for (const auto& t : test::readSessionTrace(dir / "session")) {
        if (t["action"] == "search_choose") CHECK(t["label"] == "Kursk region");
        if (t["action"] == "view") {
            CHECK(t["view"] == "Troops to the Kursk region");
            CHECK(t["day"] == "2025-04-30");
        }
    }

    // The same two edits through the edit model, saved from another copy: the same bytes.
    const fs::path other = test::copySeedBriefing(dir / "expected");
    LoadedBriefing loaded = loadBriefingFile(other.string(), test::geocoder());
    REQUIRE(loaded.ok());
    BriefingDocument doc;
    doc.open(std::move(loaded.briefing), other.string(), true, test::geocoder());
    const Event& e = doc.briefing().events[doc.briefing().findEvent("2019-vladivostok-summit")];
    PortableEvent pe = portableEvent(doc.briefing(), e);
    pe.event.summary = summary;
    doc.apply(replaceEvent(e.id, std::move(pe)));
    Place place;
    place.name = "Vladivostok";
    place.overridden = true;
    place.lat = fixed["lat"];
    place.lon = fixed["lon"];
    place.why = fixed["why"];
    doc.apply(declarePlace(place));
    REQUIRE(doc.save());
    const std::string saved = test::readText(dir / "session" / "saved-after-edits.json");
    CHECK(saved == test::readText(other));
    CHECK(saved.find(summary) != std::string::npos);
    // Undone back to the start and saved: the original file, byte for byte.
    CHECK(test::readText(briefing) == test::readText(defaultBriefingPath()));
    fs::remove_all(dir);
}

TEST_CASE("edits survive kill -9 through the recovery file, and quitting with unsaved changes asks") {
    if (!test::haveWindowTools()) {
        MESSAGE("xvfb-run or xdotool not installed: skipped");
        return;
    }
    const fs::path dir = test::makeTempDir("briefmap-recovery-window");
    const fs::path briefing = test::copySeedBriefing(dir / "briefing");
    setenv("XDG_STATE_HOME", (dir / "state").c_str(), 1);
    const auto run = test::runWindowSession("recovery-session.sh", dir / "session",
                                            {briefing.string(), "Recovered after a kill.", "Never saved."});
    unsetenv("XDG_STATE_HOME");
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    std::vector<std::string> actions;
    for (const auto& t : test::readSessionTrace(dir / "session")) actions.push_back(t["action"]);
    for (const char* expected : {"recovered", "saved", "event_edited", "quit_prompt"})
        CHECK_MESSAGE(std::count(actions.begin(), actions.end(), expected) >= 1, expected);
    const std::string text = test::readText(briefing);
    CHECK(text.find("\"summary\": \"Recovered after a kill.\",") != std::string::npos);
    CHECK(text.find("Never saved.") == std::string::npos);
    // Don't save: the second edit's recovery copy is gone too.
    CHECK((!fs::exists(dir / "state" / "briefmap" / "recovery") || fs::is_empty(dir / "state" / "briefmap" / "recovery")));
    fs::remove_all(dir);
}
