// Validation as an author meets it: each mistake gets one line with file, line:column, JSON path and
// the reason; hostile input (truncated, binary, deeply nested, huge) never crashes.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "model/briefing_loader.hpp"
#include "model/synthetic_briefing.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::model;
namespace fs = std::filesystem;

namespace {

constexpr const char* kArticle = "Kim arrived in Vladivostok on Tuesday. The two leaders met at the cosmodrome.\n";

// A folder holding articles/a.txt and briefing.json with `events` spliced in.
fs::path writeBriefing(const std::string& events) {
    const fs::path dir = test::makeTempDir("briefmap-validate");
    fs::create_directories(dir / "articles");
    test::writeTextFile(dir / "articles" / "a.txt", kArticle);
    test::writeTextFile(dir / "briefing.json", R"({
  "title": "test",
  "articles": [{"id": "a", "file": "articles/a.txt", "title": "T", "published": "2023-09-12"}],
  "events": [
)" + events + "\n  ]\n}\n");
    return dir;
}

const std::string kGoodEvent = R"(    {"id": "e1", "kind": "visit", "start": "2023-09-12", "places": ["Vladivostok"],
     "summary": "Kim arrives.", "sources": [{"article": "a", "quote": "Kim arrived in Vladivostok on Tuesday.", "start": 0, "end": 38}]})";

LoadedBriefing load(const fs::path& dir) { return loadBriefingFile((dir / "briefing.json").string(), test::geocoder()); }

std::string allText(const Diagnostics& problems) {
    std::string s;
    for (const Diagnostic& d : problems) s += d.text() + "\n";
    return s;
}

}  // namespace

TEST_CASE("a small valid briefing loads") {
    const fs::path dir = writeBriefing(kGoodEvent);
    const LoadedBriefing b = load(dir);
    CHECK_MESSAGE(b.ok(), allText(b.problems));
    REQUIRE(b.briefing.events.size() == 1);
    CHECK(b.briefing.places[0].resolvedName == "Vladivostok");
    fs::remove_all(dir);
}

TEST_CASE("a bad date is reported at its line and column with its path") {
    std::string event = kGoodEvent;
    event.replace(event.find("2023-09-12"), 10, "2024-13-01");
    const fs::path dir = writeBriefing(event);
    const LoadedBriefing b = load(dir);
    REQUIRE(b.problems.size() == 1);
    const Diagnostic& d = b.problems[0];
    CHECK(d.path == "events[0].start");
    CHECK(d.line == 5);  // the event's first line in the file
    CHECK(d.column == 44);
    CHECK(d.text() == (dir / "briefing.json").string() +
                          ":5:44: events[0].start: expected YYYY[-MM[-DD]], got '2024-13-01' (no such month: months run 01 to 12)");
    fs::remove_all(dir);
}

TEST_CASE("a misspelt place is not found, with the gazetteer's suggestion") {
    std::string event = kGoodEvent;
    event.replace(event.find("[\"Vladivostok\"]"), 15, "[\"Vladivostk\"]");
    const fs::path dir = writeBriefing(event);
    const LoadedBriefing b = load(dir);
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0].path == "events[0].places[0]");
    CHECK(b.problems[0].message == "place 'Vladivostk' not found; did you mean Vladivostok?");
    CHECK(b.problems[0].line == 5);
    fs::remove_all(dir);
}

TEST_CASE("a quote at the wrong offsets is reported, with where it really is") {
    std::string event = kGoodEvent;
    event.replace(event.find("\"start\": 0, \"end\": 38"), 21, "\"start\": 2, \"end\": 40");
    const fs::path dir = writeBriefing(event);
    const LoadedBriefing b = load(dir);
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0].path == "events[0].sources[0].quote");
    CHECK(b.problems[0].message == "quote not found in articles/a.txt at 2..40 (it is at 0..38)");
    fs::remove_all(dir);
}

TEST_CASE("many mistakes in one file: one line each, in file order") {
    const std::string events = R"(    {"id": "e1", "kind": "sumit", "start": "2023-09", "precision": "day", "places": ["Vladivostok"],
     "summary": "x", "status": "rumoured", "sources": []},
    {"id": "e1", "kind": "meeting", "start": "2023-09-13", "end": "2023-09-01", "summary": "y",
     "flow": {"from": "Pyongyang", "to": "Pyongyang", "cargo": "tanks"},
     "quantity": {"value": -5, "unit": "troops"}, "strat": 1,
     "sources": [{"article": "zz", "quote": "q", "start": 0, "end": 1}]})";
    const fs::path dir = writeBriefing(events);
    const LoadedBriefing b = load(dir);
    const std::string text = allText(b.problems);
    for (const char* expected : {
             "events[0].kind: unknown kind 'sumit'; expected one of meeting, visit",
             "events[0].precision: 'day' does not match start '2023-09'",
             "events[0].status: unknown status 'rumoured'",
             "events[0].sources: empty: every event needs at least one quoted source",
             "events[1].id: duplicate event id 'e1'",
             "events[1].end: '2023-09-01' is before start '2023-09-13'",
             "events[1].flow.cargo: unknown cargo 'tanks'",
             "events[1].flow.to: a flow must go somewhere else than it starts",
             "events[1].quantity.value: must not be negative",
             "events[1].strat: unknown key 'strat'",
             "events[1].sources[0].article: unknown article 'zz'"})
        CHECK_MESSAGE(text.find(expected) != std::string::npos, expected << "\nin:\n" << text);
    for (size_t i = 1; i < b.problems.size(); ++i) CHECK(b.problems[i - 1].line <= b.problems[i].line);
    fs::remove_all(dir);
}

TEST_CASE("hostile files: truncated, binary, deeply nested, empty, huge") {
    const fs::path dir = writeBriefing(kGoodEvent);
    const std::string path = (dir / "bad.json").string();
    const auto problemsOf = [&](const std::string& content) {
        test::writeTextFile(path, content);
        return loadBriefingFile(path, test::geocoder()).problems;
    };
    Diagnostics p = problemsOf("{\"events\": [{\"id\": \"e1\", \"kind\": ");
    REQUIRE(p.size() == 1);
    CHECK(p[0].line == 1);
    CHECK(p[0].message.rfind("invalid JSON: ", 0) == 0);

    std::string binary(4096, '\0');
    for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 7919) & 0xFF);
    CHECK(problemsOf(binary).size() == 1);
    CHECK(problemsOf("").size() == 1);
    CHECK(problemsOf("[1, 2, 3]").size() == 1);  // not an object
    CHECK(problemsOf(std::string(200000, '[') + std::string(200000, ']')).size() == 1);
    CHECK(problemsOf("{\"events\": \"\xff\xfe\"}").size() == 1);  // invalid UTF-8 inside a string

    // Bigger than the limit: refused before reading, by size.
    {
        std::ofstream big(path, std::ios::binary);
        big.seekp(static_cast<std::streamoff>(kMaxDataFileBytes) + 1);
        big.put('x');
    }
    const Diagnostics huge = loadBriefingFile(path, test::geocoder()).problems;
    REQUIRE(huge.size() == 1);
    CHECK(huge[0].message.find("the limit is 256 MiB") != std::string::npos);
    CHECK(loadBriefingFile((dir / "missing.json").string(), test::geocoder()).problems[0].message == "no such file");
    fs::remove_all(dir);
}

TEST_CASE("a big briefing (read on all cores) reports the same problems at the same places") {
    const fs::path dir = test::makeTempDir("briefmap-validate-big");
    SyntheticOptions options;
    options.events = 15000;
    options.flows = 1500;
    options.places = 300;
    const Result<std::string> path = writeSyntheticBriefing(dir.string(), options);
    REQUIRE(path.ok());
    REQUIRE(fs::file_size(*path) > (4u << 20));  // big enough for the parallel reader
    const LoadedBriefing good = loadBriefingFile(*path, test::geocoder());
    REQUIRE_MESSAGE(good.ok(), allText(good.problems));
    CHECK(good.briefing.events.size() == 16500);
    for (size_t i = 1; i < good.briefing.events.size(); ++i)
        REQUIRE(good.briefing.events[i - 1].startDay <= good.briefing.events[i].startDay);

    // One bad date deep inside, one duplicate id across the two halves of the file.
    std::ifstream in(*path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t event = text.find("{\"id\": \"e12345\"");
    REQUIRE(event != std::string::npos);
    const size_t date = text.find("\"start\": \"", event) + 10;
    text.replace(date, 10, "2024-02-30");
    const size_t late = text.find("{\"id\": \"e16000\"");
    text.replace(late, 15, "{\"id\": \"e1\"");
    test::writeTextFile(*path, text);
    const LoadedBriefing bad = loadBriefingFile(*path, test::geocoder());
    REQUIRE(bad.problems.size() == 2);
    CHECK(bad.problems[0].path == "events[12345].start");
    CHECK(bad.problems[0].line == static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(date), '\n') + 1));
    CHECK(bad.problems[0].message == "expected YYYY[-MM[-DD]], got '2024-02-30' (no such day: February 2024 has 29 days)");
    CHECK(bad.problems[1].path == "events[16000].id");
    CHECK(bad.problems[1].message == "duplicate event id 'e1'");

    // A syntax error inside the events: the serial parse reports its true position.
    text.insert(late, "}");
    test::writeTextFile(*path, text);
    const LoadedBriefing broken = loadBriefingFile(*path, test::geocoder());
    REQUIRE(broken.problems.size() == 1);
    CHECK(broken.problems[0].line == static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(late), '\n') + 1));
    CHECK(broken.problems[0].message.rfind("invalid JSON", 0) == 0);
    fs::remove_all(dir);
}
