// `briefmap draft` as an analyst and a pipeline use it: a seed article drafted into a briefing that
// `validate` accepts, HTML pages, merging into an existing briefing (twice is once; hand edits kept),
// JSON Lines, explanations, and bad input refused whole.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/sentences.hpp"
#include "draft/draft_briefing.hpp"
#include "model/briefing_document.hpp"
#include "model/briefing_writer.hpp"
#include "model/briefing_loader.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

namespace {

std::string seedArticle(const char* name) { return std::string(BRIEFMAP_SOURCE_DIR) + "/assets/briefings/articles/" + name; }
std::string fixture(const char* name) { return std::string(BRIEFMAP_TEST_DIR) + "/fixtures/draft/" + name; }

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("draft: a seed article becomes a valid briefing of sourced draft events") {
    const auto dir = test::makeTempDir("briefmap-draft");
    const std::string out = (dir / "draft.json").string();
    const auto run = test::runBriefmap({"draft", seedArticle("000_8929c387e07e48fb.txt"), "--published", "2025-08-13", "--out", out});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    CHECK(run.output.find("new event(s)") != std::string::npos);
    const auto validated = test::runBriefmap({"validate", out});
    CHECK_MESSAGE(validated.exitCode == 0, validated.output);
    CHECK(validated.output.find("valid:") != std::string::npos);
    const auto j = nlohmann::json::parse(slurp(out));
    CHECK(j["format"] == "briefmap-briefing/1");
    REQUIRE(j["articles"].size() == 1);
    CHECK(j["articles"][0]["published"] == "2025-08-13");
    // The article lay outside the output's folder: its text is copied beside the briefing.
    CHECK(j["articles"][0]["file"] == "000_8929c387e07e48fb.txt");
    CHECK(slurp((dir / "000_8929c387e07e48fb.txt").string()) == slurp(seedArticle("000_8929c387e07e48fb.txt")));
    CHECK(j["articles"][0]["original"].get<std::string>().find("000_8929c387e07e48fb.txt") != std::string::npos);
    REQUIRE(j["events"].size() >= 3);
    bool troops = false;
    for (const auto& e : j["events"]) {
        CHECK(e["review"] == "draft");
        CHECK(e["confidence"]["event"].get<double>() > 0);
        CHECK_FALSE(e["sources"].empty());
        if (e.contains("quantity") && e["quantity"]["value"] == 15000) {
            troops = true;
            CHECK(e["kind"] == "troop_deployment");
            CHECK(e["flow"]["from"] == "North Korea");
            CHECK(e["status"] == "claimed");
            CHECK(e["quantity"]["qualifier"] == "around");
            CHECK(e["start"] == "2024-09");
        }
    }
    CHECK(troops);
    fs::remove_all(dir);
}

TEST_CASE("draft --into: new sources join events already there, twice is the same as once, hand edits stay") {
    const auto dir = test::makeTempDir("briefmap-draft-into");
    const std::string briefing = (dir / "b.json").string();
    REQUIRE(test::runBriefmap({"draft", seedArticle("001_0d6f518247be4f64.txt"), "--published", "2023-09-12", "--out", briefing}).exitCode == 0);
    // A hand edit: a summary rewritten and a note added.
    auto j = nlohmann::ordered_json::parse(slurp(briefing));
    REQUIRE_FALSE(j["events"].empty());
    j["events"][0]["summary"] = "Checked by hand";
    j["events"][0]["note"] = "analyst remark";
    test::writeTextFile(briefing, j.dump(2) + "\n");
    const size_t before = j["events"].size();

    const auto first = test::runBriefmap({"draft", seedArticle("003_d5467066c127d661.txt"), "--published", "2023-09-12", "--into", briefing});
    REQUIRE_MESSAGE(first.exitCode == 0, first.output);
    const std::string once = slurp(briefing);
    const auto second = test::runBriefmap({"draft", seedArticle("003_d5467066c127d661.txt"), "--published", "2023-09-12", "--into", briefing});
    REQUIRE_MESSAGE(second.exitCode == 0, second.output);
    CHECK(slurp(briefing) == once);
    CHECK(second.output.find("0 new event(s), 0 event(s) with new sources") != std::string::npos);

    const auto merged = nlohmann::json::parse(once);
    CHECK(merged["articles"].size() == 2);
    CHECK(merged["events"].size() > before);
    CHECK(merged["events"][0]["summary"] == "Checked by hand");
    CHECK(merged["events"][0]["note"] == "analyst remark");
    CHECK(test::runBriefmap({"validate", briefing}).exitCode == 0);
    // An event both articles tell (Kim's trip to meet Putin) has sources in both.
    bool both = false;
    for (const auto& e : merged["events"]) {
        std::set<std::string> articles;
        for (const auto& s : e["sources"]) articles.insert(s["article"]);
        both |= articles.size() == 2;
    }
    CHECK(both);
    fs::remove_all(dir);
}

TEST_CASE("draft: HTML pages are read for their article, the text is written beside the briefing") {
    const auto dir = test::makeTempDir("briefmap-draft-html");
    const std::string out = (dir / "b.json").string();
    const auto run = test::runBriefmap({"draft", fixture("drones-page.html"), "--out", out, "--explain"});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    CHECK(fs::exists(dir / "drones-page.txt"));
    const auto j = nlohmann::json::parse(slurp(out));
    const auto& a = j["articles"][0];
    CHECK(a["file"] == "drones-page.txt");
    CHECK(a["published"] == "2022-10-18");
    CHECK(a["url"] == "https://news.example.org/world/2022/10/18/iran-drones-russia");
    CHECK(fs::path(a["original"].get<std::string>()).filename() == "drones-page.html");
    CHECK(a["outlet"] == "Jane Example");
    CHECK(test::runBriefmap({"validate", out}).exitCode == 0);
    // --explain: each event's id, then its trigger and the cue behind each field.
    CHECK(run.output.find("trigger '") != std::string::npos);
    CHECK(run.output.find("date from '") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("draft --jsonl: one event per line") {
    const auto run = test::runBriefmap({"draft", seedArticle("002_cbe74f991386c4bd.txt"), "--published", "2024-06-17", "--jsonl"});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    std::istringstream lines(run.output);
    std::string line;
    size_t n = 0;
    while (std::getline(lines, line)) {
        const auto e = nlohmann::json::parse(line);
        CHECK(e.contains("kind"));
        CHECK(e["review"] == "draft");
        ++n;
    }
    CHECK(n >= 5);
}

TEST_CASE("draft: bad input gets one line naming the file and why, exit 1, nothing written") {
    const auto dir = test::makeTempDir("briefmap-draft-bad");
    test::writeTextFile(dir / "empty.txt", "");
    test::writeTextFile(dir / "binary.txt", std::string("PK\x03\x04\0\0binary", 12));
    test::writeTextFile(dir / "latin1.txt", "Kharkiv stra\xDF" "e\n");
    test::writeTextFile(dir / "undated.txt", "Iran sent drones to Russia.\n");
    const std::string out = (dir / "out.json").string();
    struct Case {
        std::vector<std::string> args;
        const char* says;
    };
    const Case cases[] = {
        {{(dir / "empty.txt").string(), "--published", "2024-01-01"}, "empty.txt: empty article"},
        {{(dir / "binary.txt").string(), "--published", "2024-01-01"}, "binary.txt: binary file"},
        {{(dir / "latin1.txt").string(), "--published", "2024-01-01"}, "latin1.txt:1:13: invalid UTF-8"},
        {{fixture("login-page.html")}, "login-page.html: no article text"},
        {{(dir / "undated.txt").string()}, "undated.txt: no publication date found"},
        {{(dir / "missing.txt").string(), "--published", "2024-01-01"}, "missing.txt"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = {"draft", "--out", out};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const auto run = test::runBriefmap(args);
        CAPTURE(run.output);
        CHECK(run.exitCode == 1);
        CHECK(run.output.find(c.says) != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
    // One bad file among good ones: nothing is written either.
    const auto mixed = test::runBriefmap({"draft", "--out", out, "--published", "2024-01-01", seedArticle("003_d5467066c127d661.txt"),
                                          (dir / "empty.txt").string()});
    CHECK(mixed.exitCode == 1);
    CHECK_FALSE(fs::exists(out));
    CHECK(test::runBriefmap({"draft"}).exitCode == 2);
    CHECK(test::runBriefmap({"draft", "a.txt", "--bogus"}).exitCode == 2);
    CHECK(test::runBriefmap({"draft", "a.txt", "--published", "2024-02-30"}).exitCode == 2);
    CHECK(test::runBriefmap({"draft", "a.txt", "--out", "x.json", "--into", "y.json"}).exitCode == 2);
    for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().extension() != ".json");
    fs::remove_all(dir);
}

TEST_CASE("draft --into: a draft rejected in review does not come back when the article is drafted again") {
    const auto dir = test::makeTempDir("briefmap-draft-rejected");
    const std::string briefing = (dir / "b.json").string();
    const std::string article = seedArticle("001_0d6f518247be4f64.txt");
    REQUIRE(test::runBriefmap({"draft", article, "--published", "2023-09-12", "--out", briefing}).exitCode == 0);
    model::LoadedBriefing loaded = model::loadBriefingFile(briefing, test::geocoder());
    REQUIRE(loaded.ok());
    const size_t count = loaded.briefing.events.size();
    REQUIRE(count >= 2);
    const std::string rejectedId = loaded.briefing.events[0].id;
    model::BriefingDocument doc;
    doc.open(std::move(loaded.briefing), briefing, true, test::geocoder());
    doc.apply(model::rejectDraft(doc.briefing(), rejectedId));
    REQUIRE(doc.save());
    const auto again = test::runBriefmap({"draft", article, "--published", "2023-09-12", "--into", briefing});
    REQUIRE_MESSAGE(again.exitCode == 0, again.output);
    CHECK(again.output.find("0 new event(s)") != std::string::npos);
    const auto j = nlohmann::json::parse(slurp(briefing));
    CHECK(j["events"].size() == count - 1);
    for (const auto& e : j["events"]) CHECK(e["id"] != rejectedId);
    CHECK(j["rejected"].size() == 1);
    fs::remove_all(dir);
}

TEST_CASE("an event drafted from a selected sentence of a briefing article cites exactly that span") {
    const model::Briefing& seed = test::seedBriefing();
    const uint32_t article = seed.findArticle("000");
    REQUIRE(article != model::kNone);
    const std::string& text = seed.articles[article].text;
    // The sentence about the troops sent to the Kursk region.
    const size_t at = text.find("15,000");
    REQUIRE(at != std::string::npos);
    size_t start = 0, end = 0;
    for (const TextSpan& sentence : splitSentences(text))
        if (sentence.contains(static_cast<uint32_t>(at))) start = sentence.start, end = sentence.end;
    REQUIRE(end > start);
    const auto pe = draft::draftEventFromSpan(seed, article, {static_cast<uint32_t>(start), static_cast<uint32_t>(end)}, test::geocoder());
    REQUIRE(pe);
    CHECK(pe->event.kind == model::EventKind::TroopDeployment);
    CHECK(pe->event.review == model::ReviewState::Draft);
    REQUIRE(pe->event.sources.size() == 1);
    CHECK(pe->event.sources[0].start == start);
    CHECK(pe->event.sources[0].end == end);
    CHECK(pe->event.sources[0].quote == text.substr(start, end - start));
    CHECK(pe->articleIds == std::vector<std::string>{"000"});
    CHECK(seed.findEvent(pe->event.id) == model::kNone);  // a fresh id
    // It applies to the briefing as one edit (places found, source checked by validate's rules).
    model::BriefingDocument doc;
    model::Briefing copy = seed;
    doc.open(std::move(copy), model::defaultBriefingPath(), false, test::geocoder());
    model::PortableEvent checked;
    const auto problems = doc.checkEvent(model::eventJsonValue(seed, model::Event{}), checked);  // (an empty event is refused)
    CHECK_FALSE(problems.empty());
    doc.apply(model::addEvent(*pe));
    CHECK(doc.briefing().findEvent(pe->event.id) != model::kNone);
    // No event in a heading: nothing.
    CHECK_FALSE(draft::draftEventFromSpan(seed, article, {0, 5}, test::geocoder()));
}
