// Writing a briefing back, and changing it through edits that undo and redo exactly.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "model/briefing_edits.hpp"
#include "model/briefing_loader.hpp"
#include "model/briefing_writer.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::model;

namespace {

// Loads `json` written into `dir` beside the seed articles' copies (relative `file`s resolve there).
LoadedBriefing loadText(const std::filesystem::path& path, const std::string& json) {
    test::writeTextFile(path, json);
    return loadBriefingFile(path.string(), test::geocoder());
}

}  // namespace

TEST_CASE("the seed briefing written back reads as the same briefing, notes and all") {
    const Briefing& seed = test::seedBriefing();
    // Written elsewhere with copies of its articles (a briefing reads articles only from its own tree).
    const auto dir = test::makeTempDir("briefmap-roundtrip");
    std::filesystem::copy(std::filesystem::path(seed.articles.front().path).parent_path(), dir / "articles");
    const Briefing& moved = seed;
    const std::string written = briefingJson(moved);
    const LoadedBriefing again = loadText(dir / "seed.json", written);
    std::filesystem::remove_all(dir);
    REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.problems.front().text()));
    const Briefing& b = again.briefing;
    REQUIRE(b.events.size() == seed.events.size());
    CHECK(b.title == seed.title);
    CHECK(b.articles.size() == seed.articles.size());
    for (size_t i = 0; i < b.events.size(); ++i) {
        const Event& x = seed.events[i];
        const Event& y = b.events[i];
        CAPTURE(x.id);
        CHECK(y.id == x.id);
        CHECK(y.kind == x.kind);
        CHECK(y.startDay == x.startDay);
        CHECK(y.endDay == x.endDay);
        CHECK(y.precision == x.precision);
        CHECK(y.status == x.status);
        CHECK(y.attribution == x.attribution);
        CHECK(y.extras == x.extras);
        CHECK(y.sources.size() == x.sources.size());
        CHECK(y.flow.has_value() == x.flow.has_value());
    }
    // Written again, byte for byte the same: the writer is a fixed point.
    CHECK(briefingJson(b) == written);
    // Events keep the order of the file, not the model's time order.
    const auto doc = nlohmann::json::parse(written);
    std::ifstream original(defaultBriefingPath());
    const auto originalDoc = nlohmann::json::parse(original);
    REQUIRE(doc["events"].size() == originalDoc["events"].size());
    for (size_t i = 0; i < doc["events"].size(); ++i) CHECK(doc["events"][i]["id"] == originalDoc["events"][i]["id"]);
    CHECK(doc["events"][0]["summary"] == originalDoc["events"][0]["summary"]);
}

TEST_CASE("edits apply, undo and redo exactly, a new edit clears redo") {
    Briefing b = test::seedBriefing();
    const std::string before = briefingJson(b);
    const Event first = b.events.front();  // a copy: edits move the briefing's events
    EditHistory history;

    PortableEvent added = portableEvent(b, first);
    added.event.id = "test-added-event";
    added.event.review = ReviewState::Draft;
    added.placeNames.push_back("Nampo");
    added.event.places = {static_cast<uint32_t>(added.placeNames.size() - 1)};
    std::vector<std::unique_ptr<Edit>> group;
    Place nampo;
    nampo.name = "Nampo";
    nampo.countryHint = "KP";
    group.push_back(declarePlace(nampo));
    group.push_back(addEvent(added));
    Source extra = first.sources.front();
    group.push_back(addSource(first.id, b.articles[extra.article].id, extra));
    history.apply(b, editGroup("test", std::move(group)));
    CHECK(b.findEvent("test-added-event") != kNone);
    CHECK(b.places[b.findPlace("Nampo")].declared);
    CHECK(b.events[b.findEvent(first.id)].sources.size() == test::seedBriefing().events.front().sources.size() + 1);
    const std::string after = briefingJson(b);
    CHECK(after.find("\"review\": \"draft\"") != std::string::npos);

    REQUIRE(history.undo(b));
    CHECK(briefingJson(b) == before);
    CHECK(b.findPlace("Nampo") == kNone);
    REQUIRE(history.redo(b));
    CHECK(briefingJson(b) == after);
    REQUIRE(history.undo(b));

    PortableEvent changed = portableEvent(b, b.events[b.findEvent(first.id)]);
    changed.event.summary = "Edited by hand";
    history.apply(b, replaceEvent(first.id, changed));
    CHECK_FALSE(history.canRedo());
    CHECK(b.events[b.findEvent(first.id)].summary == "Edited by hand");
    history.apply(b, removeEvent(first.id));
    CHECK(b.findEvent(first.id) == kNone);
    REQUIRE(history.undo(b));
    REQUIRE(history.undo(b));
    CHECK(briefingJson(b) == before);
    CHECK_FALSE(history.undo(b));
}
