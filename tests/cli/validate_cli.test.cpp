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
