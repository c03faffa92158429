// The tokenizer: offsets into the original bytes, possessives, acronyms, initials, sentences.
#include <doctest/doctest.h>

#include <string>

#include "geo/text_tokens.hpp"

using namespace briefmap;

namespace {
std::string word(std::string_view text, const geo::Token& t) { return std::string(text.substr(t.start, t.end - t.start)); }
}  // namespace

TEST_CASE("tokens keep byte offsets and split off possessives, straight or curly") {
    const std::string text = "Russia\xE2\x80\x99s Kursk region and the United States' plan";
    geo::TokenizedText out;
    geo::tokenize(text, out);
    REQUIRE(out.tokens.size() == 8);
    CHECK(word(text, out.tokens[0]) == "Russia");
    CHECK(out.tokens[0].possessive);
    CHECK(word(text, out.tokens[1]) == "Kursk");
    CHECK(out.tokens[1].shape == geo::TokenShape::Capitalised);
    CHECK(out.tokens[2].shape == geo::TokenShape::Lower);
    CHECK(word(text, out.tokens[6]) == "States");
    CHECK(out.tokens[6].possessive);
}

TEST_CASE("acronyms and initials are one token and do not end a sentence") {
    const std::string text = "Vladimir V. Putin met U.S. officials. Then he left.";
    geo::TokenizedText out;
    geo::tokenize(text, out);
    REQUIRE(out.sentences.size() == 2);
    CHECK(out.tokens[1].shape == geo::TokenShape::Initial);
    CHECK(out.tokens[4].shape == geo::TokenShape::Acronym);
    CHECK(out.tokens[4].folded == "us");
    CHECK(word(text, out.tokens[4]) == "U.S.");
    CHECK(text.substr(out.sentences[0].start, out.sentences[0].end - out.sentences[0].start) ==
          "Vladimir V. Putin met U.S. officials.");
}

TEST_CASE("abbreviations, hyphens and numbers") {
    const std::string text = "Mr. Kim saw Punggye-ri and 15,000 troops. Hwasong-11 flew.";
    geo::TokenizedText out;
    geo::tokenize(text, out);
    REQUIRE(out.sentences.size() == 2);
    CHECK(word(text, out.tokens[3]) == "Punggye");
    CHECK(word(text, out.tokens[4]) == "ri");
    CHECK(out.tokens[4].gap == geo::Gap::Hyphen);
    CHECK(word(text, out.tokens[6]) == "15,000");
    CHECK(out.tokens[6].shape == geo::TokenShape::Number);
    CHECK(out.tokens[8].gap == geo::Gap::Start);
}

TEST_CASE("headlines are marked, lines end sentences, invalid UTF-8 is counted not fatal") {
    const std::string text = "North Korea's Kim and Russia's Putin in Secret Talks\n\nKim met Putin in Moscow \xFF\xFE today.";
    geo::TokenizedText out;
    geo::tokenize(text, out);
    CHECK(out.tokens[0].headline);
    CHECK_FALSE(out.tokens.back().headline);
    CHECK(out.sentences.size() == 2);
    CHECK(out.invalidSequences == 2);
    CHECK(out.firstInvalidAt == text.find('\xFF'));
    CHECK(word(text, out.tokens.back()) == "today");
}

TEST_CASE("non-breaking spaces separate words, Hangul and Cyrillic are words") {
    const std::string text = "Kursk\xC2\xA0region \xED\x8F\x89\xEC\x96\x91 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0";
    geo::TokenizedText out;
    geo::tokenize(text, out);
    REQUIRE(out.tokens.size() == 4);
    CHECK(word(text, out.tokens[1]) == "region");
    CHECK(out.tokens[2].shape == geo::TokenShape::Uncased);
    CHECK(out.tokens[3].shape == geo::TokenShape::Capitalised);
    CHECK(out.tokens[3].folded == "moskva");
}
