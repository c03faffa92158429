// Editing a briefing as the window does: checked edits, undo to the byte, small diffs on save,
// rejected drafts remembered, and unsaved work recovered after a crash.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/briefing_document.hpp"
#include "model/briefing_loader.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::model;
namespace fs = std::filesystem;
using ordered = nlohmann::ordered_json;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string line; std::getline(s, line);) out.push_back(line);
    return out;
}

// Lines of `b` not at the same position in `a` (files of the same length).
std::vector<std::string> changedLines(const std::string& a, const std::string& b) {
    const auto x = lines(a), y = lines(b);
    std::vector<std::string> out;
    if (x.size() != y.size()) return {"(line count " + std::to_string(x.size()) + " → " + std::to_string(y.size()) + ")"};
    for (size_t i = 0; i < x.size(); ++i)
        if (x[i] != y[i]) out.push_back(y[i]);
    return out;
}

// A copy of the seed briefing and its articles in a fresh folder, opened for editing.
struct SeedCopy {
    fs::path dir = test::makeTempDir("briefmap-doc");
    fs::path path = dir / "seed.json";
    std::string original;
    BriefingDocument doc;
    SeedCopy() {
        test::copySeedBriefing(dir);
        original = test::readText(path);
        reopen();
    }
    void reopen() {
        LoadedBriefing loaded = loadBriefingFile(path.string(), test::geocoder());
        REQUIRE(loaded.ok());
        doc = BriefingDocument();
        doc.open(std::move(loaded.briefing), path.string(), true, test::geocoder());
    }
    ~SeedCopy() { fs::remove_all(dir); }
    const Event& event(const std::string& id) {
        const uint32_t i = doc.briefing().findEvent(id);
        REQUIRE(i != kNone);
        return doc.briefing().events[i];
    }
    // Applies the event's JSON edited by `change`, checked first.
    void edit(const std::string& id, const std::function<void(ordered&)>& change) {
        ordered j = doc.eventJson(event(id));
        change(j);
        PortableEvent pe;
        const Diagnostics problems = doc.checkEvent(j, pe);
        REQUIRE_MESSAGE(problems.empty(), problems.front().text());
        doc.apply(replaceEvent(id, std::move(pe)));
    }
};

}  // namespace

TEST_CASE("a one-field edit saves as a one-line diff and undo back to the start saves the file byte for byte") {
    SeedCopy seed;
    CHECK_FALSE(seed.doc.dirty());
    seed.edit("2019-vladivostok-summit", [](ordered& j) { j["summary"] = "Kim and Putin meet for the first time, in Vladivostok."; });
    CHECK(seed.doc.dirty());
    REQUIRE(seed.doc.save());
    CHECK_FALSE(seed.doc.dirty());
    const std::string saved = test::readText(seed.path);
    CHECK(changedLines(seed.original, saved) ==
          std::vector<std::string>{"      \"summary\": \"Kim and Putin meet for the first time, in Vladivostok.\","});
    // The saved file is a valid briefing with the edit.
    const LoadedBriefing again = loadBriefingFile(seed.path.string(), test::geocoder());
    REQUIRE(again.ok());
    CHECK(again.briefing.events[again.briefing.findEvent("2019-vladivostok-summit")].summary.find("first time") != std::string::npos);
    REQUIRE(seed.doc.undo());
    CHECK(seed.doc.dirty());
    REQUIRE(seed.doc.save());
    CHECK(test::readText(seed.path) == seed.original);
    REQUIRE(seed.doc.redo());
    REQUIRE(seed.doc.save());
    CHECK(test::readText(seed.path) == saved);
}

TEST_CASE("an edited event is checked with validate's rules before it is applied") {
    SeedCopy seed;
    const auto problems = [&](const std::function<void(ordered&)>& change) {
        ordered j = seed.doc.eventJson(seed.event("2019-vladivostok-summit"));
        change(j);
        PortableEvent pe;
        std::string all;
        for (const Diagnostic& d : seed.doc.checkEvent(j, pe)) all += d.text() + "\n";
        return all;
    };
    CHECK(problems([](ordered&) {}).empty());
    CHECK(problems([](ordered& j) { j["kind"] = "summit"; }).find("events[0].kind") != std::string::npos);
    CHECK(problems([](ordered& j) { j["start"] = "2024-02-30"; }).find("events[0].start") != std::string::npos);
    CHECK(problems([](ordered& j) { j["places"] = {"Qzxwvut"}; }).find("place 'Qzxwvut' not found") != std::string::npos);
    CHECK(problems([](ordered& j) { j["sources"][0]["end"] = 900; }).find("events[0].sources[0]") != std::string::npos);
    CHECK(problems([](ordered& j) { j["status"] = "rumoured"; }).find("events[0].status") != std::string::npos);
    // A new place name is geocoded when the edit applies, and undone with it.
    const size_t placesBefore = seed.doc.briefing().places.size();
    seed.edit("2019-vladivostok-summit", [](ordered& j) { j["places"] = {"Khabarovsk"}; });
    const Place& p = seed.doc.briefing().places[seed.event("2019-vladivostok-summit").places[0]];
    CHECK(p.name == "Khabarovsk");
    CHECK(p.resolved);
    CHECK(p.lon == doctest::Approx(135.07).epsilon(0.01));
    seed.doc.undo();
    CHECK(seed.doc.briefing().places.size() == placesBefore);
}

TEST_CASE("fixing a place moves every event naming it, saved as the place's entry only") {
    SeedCopy seed;
    const uint32_t kursk = seed.doc.briefing().findPlace("Kursk region");
    REQUIRE(kursk != kNone);
    const size_t events = seed.doc.briefing().places[kursk].events.size();
    REQUIRE(events > 1);
    Place fixed;
    fixed.name = "Kursk region";
    fixed.overridden = true;
    fixed.lat = 51.5;
    fixed.lon = 35.9;
    fixed.why = "the fighting was in the region's west, near Sudzha";
    seed.doc.apply(declarePlace(fixed));
    const Place& p = seed.doc.briefing().places[kursk];
    CHECK(p.lat == 51.5);
    CHECK(p.events.size() == events);
    REQUIRE(seed.doc.save());
    const std::string saved = test::readText(seed.path);
    CHECK(saved.find("\"why\": \"the fighting was in the region's west, near Sudzha\"") != std::string::npos);
    CHECK(lines(saved).size() == lines(seed.original).size() + 3);  // lat, lon and why, nothing else
    seed.doc.undo();
    REQUIRE(seed.doc.save());
    CHECK(test::readText(seed.path) == seed.original);
}

TEST_CASE("a rejected draft leaves the events, is remembered in the file, and undo brings it back") {
    SeedCopy seed;
    seed.edit("2019-vladivostok-summit", [](ordered& j) { j["review"] = "draft"; });
    const size_t count = seed.doc.briefing().events.size();
    seed.doc.apply(rejectDraft(seed.doc.briefing(), "2019-vladivostok-summit"));
    CHECK(seed.doc.briefing().events.size() == count - 1);
    REQUIRE(seed.doc.briefing().rejected.size() == 1);
    CHECK(seed.doc.briefing().rejected[0].kind == EventKind::Meeting);
    REQUIRE(seed.doc.save());
    const auto saved = nlohmann::json::parse(test::readText(seed.path));
    REQUIRE(saved["rejected"].size() == 1);
    CHECK(saved["rejected"][0]["sources"][0]["article"] == "003");
    CHECK(saved["rejected"][0]["sources"][0]["start"] == 838);
    const LoadedBriefing again = loadBriefingFile(seed.path.string(), test::geocoder());
    REQUIRE_MESSAGE(again.ok(), again.problems.front().text());
    CHECK(again.briefing.rejected.size() == 1);
    seed.doc.undo();
    CHECK(seed.doc.briefing().events.size() == count);
    CHECK(seed.doc.briefing().rejected.empty());
}

TEST_CASE("unsaved edits are recovered from the recovery file after a crash") {
    SeedCopy seed;
    const auto state = test::makeTempDir("briefmap-state");
    setenv("XDG_STATE_HOME", state.c_str(), 1);
    CHECK_FALSE(seed.doc.findRecovery());
    seed.edit("2019-vladivostok-summit", [](ordered& j) { j["summary"] = "edited, not saved"; });
    REQUIRE(seed.doc.writeRecovery());
    CHECK(fs::path(seed.doc.recoveryPath()).parent_path() == state / "briefmap" / "recovery");
    // The window was killed: a new session on the same file finds the edits.
    seed.reopen();
    const auto recovery = seed.doc.findRecovery();
    REQUIRE(recovery);
    CHECK_FALSE(recovery->fileChanged);
    CHECK_FALSE(recovery->written.empty());
    REQUIRE(seed.doc.recover(*recovery));
    CHECK(seed.event("2019-vladivostok-summit").summary == "edited, not saved");
    CHECK(seed.doc.dirty());
    // Saved, the recovery file goes; undone, the edits go but the file on disk stays as saved.
    REQUIRE(seed.doc.save());
    CHECK_FALSE(fs::exists(seed.doc.recoveryPath()));
    CHECK(changedLines(seed.original, test::readText(seed.path)).size() == 1);
    seed.doc.undo();
    CHECK(seed.event("2019-vladivostok-summit").summary != "edited, not saved");
    unsetenv("XDG_STATE_HOME");
    fs::remove_all(state);
}
