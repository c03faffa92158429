// `briefmap extract` as scripts use it: JSON per file, byte offsets, clear errors, no partial output.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "test_support.hpp"

using namespace briefmap;

TEST_CASE("extract: one file gives an array of mentions with the documented fields and offsets") {
    const auto dir = test::makeTempDir("briefmap-extract");
    const std::string text = "Kim's train crossed into Russia\xE2\x80\x99s Primorsky Krai near Khasan.";
    test::writeTextFile(dir / "a.txt", text);
    const auto run = test::runBriefmap({"extract", (dir / "a.txt").string()});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    const auto j = nlohmann::json::parse(run.output);
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 3);
    for (const char* field : {"start", "end", "text", "name", "lat", "lon", "kind", "country", "confidence"})
        CHECK_MESSAGE(j[0].contains(field), field);
    for (const auto& m : j) CHECK(text.substr(m["start"], m["end"].get<size_t>() - m["start"].get<size_t>()) == m["text"]);
    CHECK(j[0]["text"] == "Russia");
    CHECK(j[1]["text"] == "Primorsky Krai");
    CHECK(j[2]["name"] == "Khasan");
}

TEST_CASE("extract: several files give an object keyed by file, --demonyms, --out is atomic") {
    const auto dir = test::makeTempDir("briefmap-extract");
    test::writeTextFile(dir / "a.txt", "North Korean troops reached Kursk.");
    test::writeTextFile(dir / "b.txt", "");
    const std::string out = (dir / "out.json").string();
    const auto run = test::runBriefmap({"extract", "--demonyms", "--out", out, (dir / "a.txt").string(), (dir / "b.txt").string()});
    REQUIRE_MESSAGE(run.exitCode == 0, run.output);
    std::ifstream in(out);
    const auto j = nlohmann::json::parse(in);
    REQUIRE(j.is_object());
    const auto& a = j[(dir / "a.txt").string()];
    REQUIRE(a.size() == 2);
    CHECK(a[0]["demonym"] == true);
    CHECK(a[0]["country"] == "KP");
    CHECK(j[(dir / "b.txt").string()].empty());
}

TEST_CASE("extract: a missing file, a bad flag and invalid UTF-8") {
    const auto dir = test::makeTempDir("briefmap-extract");
    test::writeTextFile(dir / "a.txt", "Seoul");
    const std::string out = (dir / "out.json").string();
    auto run = test::runBriefmap({"extract", "--out", out, (dir / "a.txt").string(), (dir / "nope.txt").string()});
    CHECK(run.exitCode == 1);
    CHECK(run.output.find("nope.txt: no such file") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
    run = test::runBriefmap({"extract", "--bogus", (dir / "a.txt").string()});
    CHECK(run.exitCode == 2);
    CHECK(run.output.find("--bogus") != std::string::npos);
    CHECK(test::runBriefmap({"extract"}).exitCode == 2);
    test::writeTextFile(dir / "bad.txt", "Troops\nleft \xFF Kharkiv.");
    run = test::runBriefmap({"extract", (dir / "bad.txt").string()});
    CHECK(run.exitCode == 0);
    CHECK(run.output.find("bad.txt:2:6: invalid UTF-8 (byte 0xFF)") != std::string::npos);
    CHECK(run.output.find("\"Kharkiv\"") != std::string::npos);
}
