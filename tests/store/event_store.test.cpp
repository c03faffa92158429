// The PostGIS event store end to end: push, pull, versions and conflicts, queries pushed down to
// SQL, the schema's migrations, and --data PG:… in export and validate.
#include <doctest/doctest.h>

#include <filesystem>

#include "model/briefing_loader.hpp"
#include "model/briefing_writer.hpp"
#include "store/briefing_pull.hpp"
#include "store/briefing_push.hpp"
#include "store/schema.hpp"
#include "store/store_source.hpp"
#include "store/store_test_support.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

namespace {

void replaceOnce(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = test::readText(file);
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    test::writeTextFile(file, text);
}

store::Connection connect(const std::string& address) {
    Result<store::StoreAddress> parsed = store::parseStoreAddress(address);
    REQUIRE(parsed);
    Result<store::Connection> conn = store::Connection::open(*parsed);
    REQUIRE_MESSAGE(conn, (conn ? "" : conn.error().message));
    return std::move(*conn);
}

const char* kSummary = "\"summary\": \"Kim and Putin hold their first summit, in Vladivostok.\"";

}  // namespace

TEST_SUITE("store") {

TEST_CASE("store: push then pull gives back the same briefing file byte for byte and its articles' texts") {
    const std::string pg = test::freshStoreAddress();
    const fs::path dir = test::makeTempDir("store-roundtrip");
    const fs::path seed = test::copySeedBriefing(dir / "mine");
    const test::CommandResult pushed = test::runBriefmap({"push", seed.string(), "--to", pg});
    REQUIRE_MESSAGE(pushed.exitCode == 0, pushed.output);
    CHECK(pushed.output.find("events 46 new") != std::string::npos);
    const fs::path out = dir / "pulled" / "briefing.json";
    fs::create_directories(out.parent_path());
    const test::CommandResult pulled = test::runBriefmap({"pull", pg, "--out", out.string()});
    REQUIRE_MESSAGE(pulled.exitCode == 0, pulled.output);
    CHECK(test::readText(out) == test::readText(seed));
    size_t texts = 0;
    for (const auto& entry : fs::directory_iterator(seed.parent_path() / "articles")) {
        const fs::path copy = out.parent_path() / "articles" / entry.path().filename();
        CHECK_MESSAGE(test::readText(copy) == test::readText(entry.path()), copy.string());
        ++texts;
    }
    CHECK(texts == 5);
    // Nothing but the briefing and its articles (no staging folder left behind).
    size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(out.parent_path())) ++entries;
    CHECK(entries == 2);
    // The pulled file is a valid briefing on its own.
    CHECK(test::runBriefmap({"validate", out.string()}).exitCode == 0);
    // Pushing what was pulled changes nothing.
    const test::CommandResult again = test::runBriefmap({"push", out.string(), "--to", pg + " briefing=seed"});
    REQUIRE_MESSAGE(again.exitCode == 0, again.output);
    CHECK(again.output.find("0 new, 0 changed, 0 removed, 46 unchanged") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("store: a briefing without a file behind it round-trips through the store to its canonical form") {
    const std::string pg = test::freshStoreAddress();
    store::Connection conn = connect(pg);
    const model::Briefing& seed = test::seedBriefing();
    store::PushOptions options;
    options.name = "canonical";
    options.briefingDir = fs::path(model::defaultBriefingPath()).parent_path().string();
    Result<store::PushReport> report = store::pushBriefing(conn, seed, {}, options);
    REQUIRE_MESSAGE(report, (report ? "" : report.error().message));
    CHECK(report->conflicts.empty());
    CHECK(report->inserted == seed.events.size());
    Result<store::PulledBriefing> pulled = store::pullBriefing(conn, "canonical");
    REQUIRE(pulled);
    CHECK(pulled->fileText.empty());
    const fs::path dir = test::makeTempDir("store-canonical");
    REQUIRE(store::writeStoredFiles(*pulled, dir.string()));
    const model::LoadedBriefing back = model::loadBriefingText((dir / "b.json").string(), pulled->json, test::geocoder());
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.problems.front().text()));
    CHECK(model::briefingJson(back.briefing) == model::briefingJson(seed));
    // The typed columns follow the bodies: flows as lines, sources with their offsets.
    CHECK(test::storeScalar(pg, "SELECT count(*) FROM briefmap_flows WHERE geom IS NOT NULL") == "19");
    CHECK(test::storeScalar(pg, "SELECT count(*) FROM briefmap_sources WHERE article_id IS NOT NULL AND end_byte > start_byte") == "64");
    // A year-precision event covers the year.
    CHECK(test::storeScalar(pg, "SELECT first_day || ' ' || last_day FROM briefmap_events WHERE id = '2019-vladivostok-summit'") ==
          "2019-01-01 2019-12-31");
    fs::remove_all(dir);
}

TEST_CASE("store: an edit made against a stale version is refused and overwrites nothing while edits to other events merge") {
    const std::string pg = test::freshStoreAddress() + " briefing=team";
    const fs::path dir = test::makeTempDir("store-versions");
    REQUIRE(test::runBriefmap({"push", test::copySeedBriefing(dir / "origin").string(), "--to", pg}).exitCode == 0);
    // Two analysts pull the same briefing.
    const fs::path alice = dir / "alice" / "b.json", bob = dir / "bob" / "b.json";
    fs::create_directories(alice.parent_path());
    fs::create_directories(bob.parent_path());
    REQUIRE(test::runBriefmap({"pull", pg, "--out", alice.string()}).exitCode == 0);
    REQUIRE(test::runBriefmap({"pull", pg, "--out", bob.string()}).exitCode == 0);
    CHECK(test::storeScalar(pg, "SELECT version FROM briefmap_events WHERE id = '2019-vladivostok-summit'") == "1");
    // Alice edits the summit and pushes first.
    replaceOnce(alice, kSummary, "\"summary\": \"Alice's wording.\"");
    test::CommandResult r = test::runBriefmap({"push", alice.string(), "--to", pg});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    CHECK(r.output.find("0 new, 1 changed") != std::string::npos);
    CHECK(test::storeScalar(pg, "SELECT version FROM briefmap_events WHERE id = '2019-vladivostok-summit'") == "2");
    // Bob edited the same event from version 1, and another one: refused whole, conflict named.
    replaceOnce(bob, kSummary, "\"summary\": \"Bob's wording.\"");
    replaceOnce(bob, "Nuclear diplomacy with the US derails", "Bob: diplomacy derails");
    r = test::runBriefmap({"push", bob.string(), "--to", pg});
    CHECK(r.exitCode == 1);
    CHECK(r.output.find("conflict: event '2019-vladivostok-summit': changed in the store since you saw version 1 (now version 2)") != std::string::npos);
    CHECK(r.output.find("nothing written") != std::string::npos);
    CHECK(test::storeScalar(pg, "SELECT body->>'summary' FROM briefmap_events WHERE id = '2019-vladivostok-summit'") == "Alice's wording.");
    CHECK(test::storeScalar(pg, "SELECT body->>'summary' FROM briefmap_events WHERE id = '2019-us-diplomacy-collapse'").rfind("Nuclear", 0) == 0);
    // Bob pulls again (his file takes Alice's edit), redoes only his other edit, and it goes in.
    REQUIRE(test::runBriefmap({"pull", pg, "--out", bob.string()}).exitCode == 0);
    CHECK(test::readText(bob).find("Alice's wording.") != std::string::npos);
    replaceOnce(bob, "Nuclear diplomacy with the US derails", "Bob: diplomacy derails");
    r = test::runBriefmap({"push", bob.string(), "--to", pg});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    CHECK(test::storeScalar(pg, "SELECT body->>'summary' FROM briefmap_events WHERE id = '2019-us-diplomacy-collapse'").rfind("Bob:", 0) == 0);
    // Alice removes the event Bob changed after her pull: a conflict too, the event stays.
    std::string text = test::readText(alice);
    {
        const size_t at = text.find("\"id\": \"2019-us-diplomacy-collapse\"");
        REQUIRE(at != std::string::npos);
        const size_t start = text.rfind("\n    {", at), end = text.find("\n    }", at);
        text.erase(start, end + 6 - start + (text[end + 6] == ',' ? 1 : 0));
        test::writeTextFile(alice, text);
    }
    r = test::runBriefmap({"push", alice.string(), "--to", pg});
    CHECK(r.exitCode == 1);
    CHECK(r.output.find("event '2019-us-diplomacy-collapse': you removed it, but it changed in the store") != std::string::npos);
    CHECK(test::storeScalar(pg, "SELECT count(*) FROM briefmap_events") == "46");
    // --force is the explicit way to overwrite.
    r = test::runBriefmap({"push", alice.string(), "--to", pg, "--force"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    CHECK(test::storeScalar(pg, "SELECT count(*) FROM briefmap_events") == "45");
    fs::remove_all(dir);
}

TEST_CASE("store: a second file pushed under an existing briefing's name is refused until pulled") {
    const std::string pg = test::freshStoreAddress();
    const fs::path dir = test::makeTempDir("store-name");
    const fs::path a = test::copySeedBriefing(dir / "a"), b = test::copySeedBriefing(dir / "b");
    REQUIRE(test::runBriefmap({"push", a.string(), "--to", pg}).exitCode == 0);
    replaceOnce(b, "\"title\": \"Russia", "\"title\": \"Other Russia");
    const test::CommandResult r = test::runBriefmap({"push", b.string(), "--to", pg});
    CHECK(r.exitCode == 1);
    CHECK(r.output.find("briefing 'seed' is already in the store and this file was never pulled from it") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("store: area and time are pushed down to SQL so only the events a view draws are read") {
    const std::string pg = test::freshStoreAddress();
    store::Connection conn = connect(pg);
    store::PushOptions options;
    options.name = "seed";
    REQUIRE(store::pushBriefing(conn, test::seedBriefing(), {}, options));
    const model::Briefing& seed = test::seedBriefing();
    // Around Kursk and Kharkiv, in 2024 (everything so far up to 2024-12-31).
    store::StoreQuery query;
    query.area = GeoBounds{33, 48, 38, 53};
    query.to = model::dayNumber(2024, 12, 31);
    Result<store::PulledBriefing> part = store::pullBriefing(conn, "seed", query);
    REQUIRE(part);
    size_t expected = 0;
    for (const model::Event& e : seed.events) {
        if (e.startDay > *query.to) continue;
        bool inside = false;
        std::vector<uint32_t> places = e.places;
        if (e.flow) places.insert(places.end(), {e.flow->from, e.flow->to});
        double w = 999, s = 999, east = -999, n = -999;
        for (uint32_t p : places)
            if (seed.places[p].resolved) {
                w = std::min(w, seed.places[p].lon), east = std::max(east, seed.places[p].lon);
                s = std::min(s, seed.places[p].lat), n = std::max(n, seed.places[p].lat);
            }
        inside = w <= 38 && east >= 33 && s <= 53 && n >= 48;
        expected += inside || places.empty();
    }
    CHECK(part->events == expected);
    CHECK(part->events > 0);
    CHECK(part->events < seed.events.size());
    // What was read is a briefing of its own: the places and articles those events need.
    const fs::path dir = test::makeTempDir("store-query");
    REQUIRE(store::writeStoredFiles(*part, dir.string()));
    const model::LoadedBriefing loaded = model::loadBriefingText((dir / "b.json").string(), part->json, test::geocoder());
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.problems.front().text()));
    CHECK(loaded.briefing.events.size() == expected);
    CHECK(loaded.briefing.articles.size() <= seed.articles.size());
    // Across the antimeridian (170°E to 170°W): nothing here, and no error.
    query.area = GeoBounds{170, -10, 190, 10};
    Result<store::PulledBriefing> none = store::pullBriefing(conn, "seed", query);
    REQUIRE(none);
    CHECK(none->events == 0);
    // A limit cuts in file order and says so.
    store::StoreQuery first;
    first.limit = 5;
    Result<store::PulledBriefing> five = store::pullBriefing(conn, "seed", first);
    REQUIRE(five);
    CHECK(five->events == 5);
    CHECK(five->truncated);
    fs::remove_all(dir);
}

TEST_CASE("store: push creates the schema in a database with only PostGIS - readers say what is missing - newer schemas are refused") {
    const std::string pg = test::freshStoreAddress();
    const fs::path dir = test::makeTempDir("store-schema");
    const fs::path out = dir / "x.json";
    test::CommandResult r = test::runBriefmap({"pull", pg, "--out", out.string()});
    CHECK(r.exitCode == 1);
    CHECK(r.output.find("no briefmap store here yet (briefmap push creates one)") != std::string::npos);
    CHECK(!fs::exists(out));
    r = test::runBriefmap({"export", "--data", pg, "--out", (dir / "x.png").string()});
    CHECK(r.exitCode == 1);
    CHECK(r.output.find("no briefmap store here yet") != std::string::npos);
    CHECK(!fs::exists(dir / "x.png"));
    REQUIRE(test::runBriefmap({"push", test::copySeedBriefing(dir / "s").string(), "--to", pg}).exitCode == 0);
    CHECK(test::storeScalar(pg, "SELECT max(version) FROM briefmap_migrations") == std::to_string(store::latestSchemaVersion()));
    test::storeScalar(pg, "INSERT INTO briefmap_migrations (version, name) VALUES (999, 'from the future') RETURNING version");
    r = test::runBriefmap({"push", (dir / "s" / "seed.json").string(), "--to", pg});
    CHECK(r.exitCode == 1);
    CHECK(r.output.find("schema is version 999, newer than this briefmap knows") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("store: export --data PG: draws the same pixels as the file it was pushed from and bad addresses give one line") {
    const std::string pg = test::freshStoreAddress();
    const fs::path dir = test::makeTempDir("store-export");
    const fs::path seed = test::copySeedBriefing(dir / "s");
    REQUIRE(test::runBriefmap({"push", seed.string(), "--to", pg}).exitCode == 0);
    const fs::path a = dir / "store.png", b = dir / "file.png";
    test::CommandResult r = test::runBriefmap({"export", "--data", pg, "--out", a.string(), "--size", "800x450"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    REQUIRE(test::runBriefmap({"export", "--data", seed.string(), "--out", b.string(), "--size", "800x450"}).exitCode == 0);
    CHECK(test::readText(a) == test::readText(b));
    r = test::runBriefmap({"validate", pg});
    CHECK(r.exitCode == 0);
    CHECK(r.output.find("valid: 46 events") != std::string::npos);
    r = test::runBriefmap({"export", "--data", pg + " briefing=nope", "--out", a.string()});
    CHECK(r.exitCode == 1);
    CHECK(r.output.find("no briefing 'nope' in the store (it holds: seed)") != std::string::npos);
    r = test::runBriefmap({"push", seed.string(), "--to", "PG:dbname"});
    CHECK(r.exitCode == 2);
    CHECK(r.output.find("expected key=value, got 'dbname'") != std::string::npos);
    r = test::runBriefmap({"pull", "PG:host=/nonexistent-socket-dir dbname=x", "--out", (dir / "o.json").string()});
    CHECK(r.exitCode == 1);
    CHECK(r.output.find("cannot connect") != std::string::npos);
    CHECK(!fs::exists(dir / "o.json"));
    fs::remove_all(dir);
}

}  // TEST_SUITE

TEST_CASE("store: a briefing drafted from an HTML page outside its folder round-trips and its page stays in the store") {
    const std::string pg = test::freshStoreAddress();
    const fs::path dir = test::makeTempDir("store-html");
    fs::create_directories(dir / "pages");
    fs::create_directories(dir / "brief");
    fs::create_directories(dir / "pulled");
    test::writeTextFile(dir / "pages" / "shipment.html",
                        "<html><head><title>Iran ships missiles to Russia</title><meta property=\"article:published_time\" "
                        "content=\"2024-09-11T08:00:00Z\"></head><body><article><h1>Iran ships missiles to Russia</h1>\n"
                        "<p>Iran has delivered 200 Fath-360 ballistic missiles to Russia, US Secretary of State Antony Blinken "
                        "said on Tuesday.</p>\n<p>The missiles were shipped from the Caspian port of Amirabad to Astrakhan on "
                        "2 September 2024, according to US officials.</p>\n<p>Tehran denied sending any weapons for use in "
                        "Ukraine.</p></article></body></html>\n");
    const fs::path briefing = dir / "brief" / "b.json";
    test::CommandResult r = test::runBriefmap({"draft", (dir / "pages" / "shipment.html").string(), "--out", briefing.string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    REQUIRE(test::readText(briefing).find("\"original\": \"../pages/shipment.html\"") != std::string::npos);
    REQUIRE(test::runBriefmap({"push", briefing.string(), "--to", pg}).exitCode == 0);
    CHECK(test::storeScalar(pg, "SELECT length(original) FROM briefmap_articles") == std::to_string(fs::file_size(dir / "pages" / "shipment.html")));
    r = test::runBriefmap({"pull", pg, "--out", (dir / "pulled" / "b.json").string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.output);
    CHECK(r.output.find("original '../pages/shipment.html' lies outside the briefing's folder; kept in the store, not written") != std::string::npos);
    CHECK(test::readText(dir / "pulled" / "b.json") == test::readText(briefing));
    CHECK(!fs::exists(dir / "pages" / "shipment.html.tmp"));
    CHECK(test::runBriefmap({"validate", (dir / "pulled" / "b.json").string()}).exitCode == 0);
    fs::remove_all(dir);
}
