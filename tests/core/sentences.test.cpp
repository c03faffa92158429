// Sentence segmentation (ICU plus the abbreviations of news writing), with byte offsets.
#include <doctest/doctest.h>

#include "core/sentences.hpp"

#include <string>
#include <vector>

using namespace briefmap;

namespace {

std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    for (TextSpan s : splitSentences(text)) out.push_back(text.substr(s.start, s.size()));
    return out;
}

}  // namespace

TEST_CASE("abbreviations, initials and acronyms do not end sentences") {
    const auto s = sentences(
        "Kim met U.S. President Donald Trump in Jan. 2019 in Hanoi. Gen. Milley said Mr. Putin lied. "
        "Kremlin aide Yuri V. Ushakov spoke. Navy Adm. Kim Myong Sik came. It was 4.8 million shells.");
    REQUIRE(s.size() == 5);
    CHECK(s[0] == "Kim met U.S. President Donald Trump in Jan. 2019 in Hanoi.");
    CHECK(s[1] == "Gen. Milley said Mr. Putin lied.");
    CHECK(s[2] == "Kremlin aide Yuri V. Ushakov spoke.");
    CHECK(s[3] == "Navy Adm. Kim Myong Sik came.");
}

TEST_CASE("an acronym at the end of a sentence still ends it") {
    const auto s = sentences("The shells were sent to the U.S. The next day they arrived.");
    REQUIRE(s.size() == 2);
    CHECK(s[1] == "The next day they arrived.");
}

TEST_CASE("headlines and paragraphs are sentences, hard-wrapped lines are joined") {
    const auto s = sentences(
        "Putin will head to North Korea\n\nRussian President Vladimir Putin will travel to North Korea on Tuesday for\n"
        "the first time in 24 years.\n");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "Putin will head to North Korea");
    CHECK(s[1].find("for\nthe first time") != std::string::npos);
}

TEST_CASE("offsets are bytes and survive any input") {
    const std::string text = "Пхеньян заявил. 평양에서 회담이 열렸다. “Quoted.” Done";
    const auto spans = splitSentences(text);
    REQUIRE(spans.size() >= 3);
    for (TextSpan sp : spans) CHECK(sp.end <= text.size());
    CHECK(splitSentences("").empty());
    CHECK(splitSentences("   \n\n  ").empty());
    const std::string bad = "Bad \xFF\xFE bytes. Still fine.";
    CHECK(splitSentences(bad).size() == 2);
}
