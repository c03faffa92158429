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
    CHECK(coordinate.exitCode == 1);  // its one feature is skipped, so nothing is left to import
    CHECK(coordinate.output.find("feature 1: coordinates out of range") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("articles are read only from inside the briefing's folder tree, or from --article-root") {
    const fs::path dir = test::makeTempDir("briefmap-confined");
    fs::create_directories(dir / "briefing" / "articles");
    fs::create_directories(dir / "elsewhere");
    const std::string secret = "SECRET-CONTENT line one\n";
    test::writeTextFile(dir / "elsewhere" / "secret.txt", secret);
    test::writeTextFile(dir / "briefing" / "articles" / "ok.txt", "An article.\n");
    fs::create_symlink(dir / "elsewhere" / "secret.txt", dir / "briefing" / "articles" / "link.txt");
    const auto briefing = [&](const std::string& file) {
        const fs::path path = dir / "briefing" / "b.json";
        test::writeTextFile(path, "{\"format\": \"briefmap-briefing/1\", \"title\": \"t\", \"articles\": [{\"id\": \"a\", "
                                  "\"file\": \"" + file + "\", \"title\": \"x\", \"published\": \"2024-01-01\"}], \"events\": []}");
        return path.string();
    };
    SUBCASE("inside: read") {
        const auto run = test::runBriefmap({"validate", briefing("articles/ok.txt")});
        CHECK_MESSAGE(run.exitCode == 0, run.output);
    }
    for (const std::string escape : {std::string("../elsewhere/secret.txt"), std::string("articles/../../elsewhere/secret.txt"),
                                     std::string("articles/link.txt"), std::string("../../../../../../../../etc/passwd")}) {
        CAPTURE(escape);
        const std::string path = briefing(escape);
        const auto run = test::runBriefmap({"validate", path});
        CHECK(run.exitCode == 1);
        CHECK(run.output.find(path + ":") != std::string::npos);
        CHECK(run.output.find("is outside the briefing's folder") != std::string::npos);
        CHECK(run.output.find("SECRET-CONTENT") == std::string::npos);
        CHECK(run.output.find("root:") == std::string::npos);
        // The same refusal where the text would be shown or exported.
        const auto exported = test::runBriefmap({"export", "--data", path, "--out", (dir / "x.png").string()});
        CHECK(exported.exitCode == 1);
        CHECK_FALSE(fs::exists(dir / "x.png"));
    }
    SUBCASE("a folder named with --article-root is allowed") {
        const std::string path = briefing("../elsewhere/secret.txt");
        const auto run = test::runBriefmap({"validate", "--article-root", (dir / "elsewhere").string(), path});
        CHECK_MESSAGE(run.exitCode == 0, run.output);
        CHECK(test::runBriefmap({"validate", "--article-root", (dir / "nowhere").string(), path}).exitCode == 2);
    }
    fs::remove_all(dir);
}
