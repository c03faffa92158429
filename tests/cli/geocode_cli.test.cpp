// `briefmap geocode` as scripts use it: JSON per name, JSON lines in and out, clear usage errors.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "test_support.hpp"

using namespace briefmap;

TEST_CASE("geocode prints one JSON object per name with the documented fields") {
    const auto run = test::runBriefmap({"geocode", "--top", "2", "Vladivostok", "Xyzzyville"});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    std::istringstream lines(run.output);
    std::string first, second;
    std::getline(lines, first);
    std::getline(lines, second);
    const auto a = nlohmann::json::parse(first), b = nlohmann::json::parse(second);
    for (const char* field : {"query", "name", "lat", "lon", "kind", "country", "admin1", "confidence", "candidates"})
        CHECK_MESSAGE(a.contains(field), field);
    CHECK(a["name"] == "Vladivostok");
    CHECK(b["error"] == "not found");
    CHECK(b.contains("suggestions"));
}

TEST_CASE("geocode --jsonl answers every line in order and reports malformed ones") {
    const auto dir = test::makeTempDir("briefmap-geocode");
    const auto input = dir / "in.jsonl";
    std::ofstream(input) << R"({"query": "Kursk region", "context": null})" << "\n"
                         << "{not json\n"
                         << R"({"query": "Moscow", "context": "Moscow, Idaho"})" << "\n"
                         << R"({"context": "no query"})" << "\n";
    const auto run = test::runProgram({"sh", "-c", std::string(BRIEFMAP_BINARY) + " geocode --jsonl < " + input.string()});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    std::istringstream lines(run.output);
    std::vector<nlohmann::json> out;
    for (std::string l; std::getline(lines, l);) out.push_back(nlohmann::json::parse(l));
    REQUIRE(out.size() == 4);
    CHECK(out[0]["kind"] == "admin1");
    CHECK(out[1]["line"] == 2);
    CHECK(out[1]["error"].get<std::string>().find("stdin:2") != std::string::npos);
    CHECK(out[2]["country"] == "US");
    CHECK(out[3]["line"] == 4);
    std::filesystem::remove_all(dir);
}

TEST_CASE("geocode usage errors exit 2, a missing gazetteer exits 1") {
    CHECK(test::runBriefmap({"geocode"}).exitCode == 2);
    CHECK(test::runBriefmap({"geocode", "--country", "Russia", "Kursk"}).exitCode == 2);
    CHECK(test::runBriefmap({"geocode", "--top", "-1", "Kursk"}).exitCode == 2);
    CHECK(test::runBriefmap({"geocode", "--jsonl", "Kursk"}).exitCode == 2);
    const auto missing = test::runBriefmap({"geocode", "--gazetteer", "/nonexistent/gazetteer.bin", "Kursk"});
    CHECK(missing.exitCode == 1);
    CHECK(missing.output.find("/nonexistent/gazetteer.bin") != std::string::npos);
}

TEST_CASE("geocode: a query longer than any place name is not found, fast, and echoed cut at a character") {
    std::string nonsense;
    for (int i = 0; i < 25000; ++i) nonsense += i % 7 ? "бa" : " q";  // 100,000 bytes, two-byte letters inside
    const auto run = test::runBriefmap({"geocode", nonsense, "Kursk"});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output.substr(0, 300));
    std::istringstream lines(run.output);
    std::string first, second;
    std::getline(lines, first);
    std::getline(lines, second);
    const auto a = nlohmann::json::parse(first), b = nlohmann::json::parse(second);  // valid UTF-8
    CHECK(a["error"].get<std::string>().find("longer than 256 bytes") != std::string::npos);
    CHECK(a["query"].get<std::string>().size() <= 256 + 3);
    CHECK_FALSE(a.contains("name"));
    CHECK(b["name"] == "Kursk");
}
