// scripts/draft-corpus: a corpus drafted in partitions on Dask workers (a LocalCluster of two) gives
// the events one `briefmap draft` run gives, the same event from two articles merged; a rerun drafts
// nothing; unreadable articles are named and skipped; --to PG: writes the store.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <tuple>

#include "store/store_test_support.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

namespace {

const std::string kScript = std::string(BRIEFMAP_TEST_DIR) + "/../scripts/draft-corpus";
const std::string kCorpus = std::string(BRIEFMAP_TEST_DIR) + "/fixtures/corpus";

test::CommandResult draftCorpus(std::vector<std::string> args) {
    args.insert(args.begin(), {kScript, "--briefmap", BRIEFMAP_BINARY});
    return test::runProgram(args);
}

// (kind, start, the articles its sources quote, how many sources) for every event.
std::multiset<std::tuple<std::string, std::string, std::set<std::string>, size_t>> eventsOf(const fs::path& briefing) {
    const nlohmann::json doc = nlohmann::json::parse(test::readText(briefing));
    std::multiset<std::tuple<std::string, std::string, std::set<std::string>, size_t>> out;
    for (const nlohmann::json& e : doc["events"]) {
        std::set<std::string> articles;
        for (const nlohmann::json& s : e["sources"]) articles.insert(s["article"].get<std::string>());
        out.emplace(e["kind"].get<std::string>(), e["start"].get<std::string>(), articles, e["sources"].size());
    }
    return out;
}

nlohmann::json summaryOf(const std::string& output) {
    const size_t at = output.rfind("{\"articles\"");
    REQUIRE_MESSAGE(at != std::string::npos, output);
    return nlohmann::json::parse(output.substr(at, output.find('\n', at) - at));
}

}  // namespace

TEST_CASE("draft-corpus on two Dask workers drafts what one run drafts and merges one event reported twice") {
    const fs::path dir = test::makeTempDir("draft-corpus");
    fs::create_directories(dir / "one");
    fs::create_directories(dir / "dask");
    std::vector<std::string> articles;
    for (const auto& e : fs::directory_iterator(kCorpus))
        if (e.path().extension() == ".txt") articles.push_back(e.path().string());
    REQUIRE(articles.size() == 2);
    std::vector<std::string> single{"draft", "--published", "2024-09-11", "--out", (dir / "one" / "b.json").string()};
    single.insert(single.end(), articles.begin(), articles.end());
    REQUIRE(test::runBriefmap(single).exitCode == 0);

    const fs::path out = dir / "dask" / "b.json";
    test::CommandResult r = draftCorpus({kCorpus, "--out", out.string(), "--workers", "2", "--partition-size", "1", "--published", "2024-09-11"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    const nlohmann::json summary = summaryOf(r.output);
    CHECK(summary["drafted"] == 2);
    CHECK(summary["parts"] == 2);
    CHECK(summary["workers"] == 2);
    CHECK(test::runBriefmap({"validate", out.string()}).exitCode == 0);
    const auto events = eventsOf(out);
    CHECK(events == eventsOf(dir / "one" / "b.json"));
    bool merged = false;
    for (const auto& [kind, start, from, sources] : events) merged |= kind == "munitions_transfer" && from.size() == 2;
    CHECK_MESSAGE(merged, "the transfer both articles report is one event quoting both");

    // A rerun finds both articles already drafted (by content) and changes nothing.
    const std::string before = test::readText(out);
    r = draftCorpus({kCorpus, "--out", out.string(), "--workers", "2", "--published", "2024-09-11"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    CHECK(summaryOf(r.output)["already_drafted"] == 2);
    CHECK(summaryOf(r.output)["drafted"] == 0);
    CHECK(test::readText(out) == before);
    fs::remove_all(dir);
}

TEST_CASE("draft-corpus retries a partition whose worker failed") {
    const fs::path dir = test::makeTempDir("draft-corpus-retry");
    fs::create_directories(dir / "failed");
    // A briefmap that fails the first time it drafts each partition, as a lost worker would.
    const fs::path flaky = dir / "flaky-briefmap";
    test::writeTextFile(flaky, "#!/usr/bin/env bash\n"
                               "if [ \"$1\" = draft ]; then\n"
                               "  marker=\"" + (dir / "failed").string() + "/$(printf '%s ' \"$@\" | md5sum | cut -c1-12)\"\n"
                               "  if [ ! -e \"$marker\" ]; then touch \"$marker\"; echo 'worker lost' >&2; exit 3; fi\n"
                               "fi\n"
                               "exec " BRIEFMAP_BINARY " \"$@\"\n");
    fs::permissions(flaky, fs::perms::owner_all);
    std::vector<std::string> args{kScript, "--briefmap", flaky.string(), kCorpus, "--out", (dir / "b.json").string(),
                                  "--workers", "2", "--partition-size", "1", "--published", "2024-09-11"};
    const test::CommandResult r = test::runProgram(args);
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    CHECK(summaryOf(r.output)["failed_parts"] == 0);
    CHECK(summaryOf(r.output)["drafted"] == 2);
    size_t failures = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "failed")) ++failures;
    CHECK(failures == 2);  // each partition failed once and was drafted on its retry
    fs::remove_all(dir);
}

TEST_CASE("draft-corpus names an article it cannot draft and drafts the rest") {
    const fs::path dir = test::makeTempDir("draft-corpus-bad");
    fs::create_directories(dir / "in");
    test::writeTextFile(dir / "in" / "undated.txt", "A note\n\nNothing here says when it was written.\n");
    // A page dated by its meta tag, with the text of a fixture article as its paragraphs.
    std::string paragraphs;
    std::string text = test::readText(kCorpus + "/tehran-shipment.txt");
    for (size_t at = text.find("\n\n") + 2, end; at < text.size(); at = end + 1) {
        end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        if (end > at) paragraphs += "<p>" + text.substr(at, end - at) + "</p>\n";
    }
    test::writeTextFile(dir / "in" / "page.html",
                        "<html><head><title>Iran ships missiles to Russia</title><meta property=\"article:published_time\" "
                        "content=\"2024-09-11T08:00:00Z\"></head><body><article><h1>Iran ships missiles to Russia</h1>\n" +
                            paragraphs + "</article></body></html>\n");
    const fs::path out = dir / "b.json";
    test::CommandResult r = draftCorpus({(dir / "in").string(), "--out", out.string(), "--workers", "1"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    CHECK(r.output.find("undated.txt") != std::string::npos);
    CHECK(r.output.find("(skipped)") != std::string::npos);
    CHECK(summaryOf(r.output)["drafted"] == 1);
    CHECK(summaryOf(r.output)["skipped"] == 1);
    CHECK(test::runBriefmap({"validate", out.string()}).exitCode == 0);
    r = draftCorpus({(dir / "nope").string(), "--out", out.string()});
    CHECK(r.exitCode == 2);
    CHECK(r.output.find("nope: no such file or folder") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("store: draft-corpus --to PG: writes the drafted events into the store and a rerun adds nothing") {
    const std::string pg = test::freshStoreAddress() + " briefing=corpus";
    test::CommandResult r = draftCorpus({kCorpus, "--to", pg, "--workers", "2", "--published", "2024-09-11"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    CHECK(summaryOf(r.output)["drafted"] == 2);
    const std::string events = test::storeScalar(pg, "SELECT count(*) FROM briefmap_events WHERE briefing = 'corpus'");
    CHECK(std::stoi(events) >= 1);
    CHECK(test::storeScalar(pg, "SELECT count(*) FROM briefmap_articles WHERE briefing = 'corpus'") == "2");
    CHECK(test::storeScalar(pg, "SELECT count(*) FROM briefmap_events WHERE briefing = 'corpus' AND review = 'draft'") == events);
    r = draftCorpus({kCorpus, "--to", pg, "--workers", "1", "--published", "2024-09-11"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    CHECK(summaryOf(r.output)["already_drafted"] == 2);
    CHECK(test::storeScalar(pg, "SELECT count(*) FROM briefmap_events WHERE briefing = 'corpus'") == events);
}
