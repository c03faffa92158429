// `briefmap validate` as an author runs it: exit 0 and a summary when valid, one line per problem and
// exit 1 when not, exit 2 for usage errors.
#include <doctest/doctest.h>

#include <filesystem>

#include "model/briefing_loader.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

TEST_CASE("validate: the seed briefing is valid") {
    const auto run = test::runBriefmap({"validate", model::defaultBriefingPath()});
    CHECK_MESSAGE(run.exitCode == 0, run.output);
    CHECK(run.output.find("valid: ") != std::string::npos);
}

TEST_CASE("validate: problems in several files, one line each, exit 1") {
    const fs::path dir = test::makeTempDir("briefmap-validate-cli");
    test::writeTextFile(dir / "a.json", "{\"events\": [{\"id\": 1}]}");
    test::writeTextFile(dir / "b.json", "{\"events\": [");
    const auto run = test::runBriefmap({"validate", (dir / "a.json").string(), (dir / "b.json").string(),
                                        model::defaultBriefingPath()});
    CHECK(run.exitCode == 1);
    CHECK(run.output.find((dir / "a.json").string() + ":1:20: events[0].id: expected a string, got a number") != std::string::npos);
    CHECK(run.output.find((dir / "a.json").string() + ":1:13: events[0].kind: missing") != std::string::npos);
    CHECK(run.output.find((dir / "b.json").string() + ":1:") != std::string::npos);
    CHECK(run.output.find("valid: ") != std::string::npos);  // the good file is still checked
    CHECK(test::runBriefmap({"validate"}).exitCode == 2);
    CHECK(test::runBriefmap({"validate", "--bogus", "x.json"}).exitCode == 2);
    fs::remove_all(dir);
}

TEST_CASE("numbers no double holds: one line with the position, exit 1, no crash (validate and convert)") {
    const fs::path bad = fs::path(BRIEFMAP_TEST_DIR) / "fixtures" / "bad";
    const fs::path dir = test::makeTempDir("briefmap-bad");
    for (const char* name : {"huge-number.json", "huge-integer.json"}) {
        const std::string file = (bad / name).string();
        const auto validated = test::runBriefmap({"validate", file});
        CHECK_MESSAGE(validated.exitCode == 1, validated.output);
        CHECK(validated.output.find(file + ":1:") != std::string::npos);
        CHECK(validated.output.find("number too large for a double") != std::string::npos);
        const auto converted = test::runBriefmap({"convert", "--to", "geojson", "--out", (dir / "out.geojson").string(), file});
        CHECK(converted.exitCode == 1);
        CHECK(!fs::exists(dir / "out.geojson"));
    }
    const auto coordinate = test::runBriefmap({"validate", (bad / "huge-coordinate.geojson").string()});
    CHECK(coordinate.exitCode == 0);
    CHECK(coordinate.output.find("feature 1: coordinates out of range") != std::string::npos);
    fs::remove_all(dir);
}
