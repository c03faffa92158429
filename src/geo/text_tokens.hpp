// Words of a news text with their byte offsets, as the geoparser reads them: possessives split off
// ("Russia’s" → "Russia"), hyphenated words kept apart but marked as joined ("Punggye-ri",
// "Kim-Putin"), acronyms and initials kept whole ("U.S.", "V."), and sentences, so a mention can be
// shown in the sentence it occurs in. Works on any UTF-8, valid or not (invalid bytes are counted).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace briefmap::geo {

enum class TokenShape : uint8_t {
    Lower,        // "region"
    Capitalised,  // "Kursk", "McDonald"
    AllCaps,      // "SEOUL", "DPRK", "TASS" (two letters or more)
    Uncased,      // a word in a script without case: 평양
    Number,       // "2024", "15,000", "11"
    Acronym,      // "U.S.", "U.N." (letters with dots)
    Initial,      // "V." in "Vladimir V. Putin"
};

// What separates a token from the one before it.
enum class Gap : uint8_t {
    Space,   // spaces only (also NBSP, tabs)
    Hyphen,  // joined by a hyphen or dash with no space: "Punggye-ri"
    Comma,
    Punct,   // any other punctuation: quotes, brackets, colons, dashes between spaces…
    Start,   // the first token of a sentence
};

struct Token {
    uint32_t start = 0, end = 0;  // the word as written, without a possessive 's
    uint32_t sentence = 0;
    TokenShape shape = TokenShape::Lower;
    Gap gap = Gap::Start;
    bool possessive = false;  // followed by 's, ’s or a lone apostrophe after s
    bool headline = false;    // in a line written in title case (capitals are no evidence there)
    std::string folded;       // foldName of the word (acronyms without dots: "us", "un")

    bool nameLike() const {
        return shape == TokenShape::Capitalised || shape == TokenShape::AllCaps || shape == TokenShape::Uncased ||
               shape == TokenShape::Acronym;
    }
};

struct Sentence {
    uint32_t start = 0, end = 0;          // bytes, trimmed
    uint32_t firstToken = 0, endToken = 0;  // token range [first, end)
};

struct TokenizedText {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    size_t invalidSequences = 0;  // invalid UTF-8 sequences (each read as one separator byte)
    size_t firstInvalidAt = 0;    // byte offset of the first one
};

// Fills `out` (its vectors are reused, so a caller tokenizing many texts allocates little).
void tokenize(std::string_view text, TokenizedText& out);

// 1-based line and column (in code points) of a byte offset, for error messages.
std::pair<size_t, size_t> lineColumnAt(std::string_view text, size_t offset);

}  // namespace briefmap::geo
