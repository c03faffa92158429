// The words and punctuation of one sentence as the drafter reads them: lower-cased forms for the
// rule tables, shapes (capitalised, number), and punctuation kept as tokens of its own, because
// clauses, lists and reported speech are marked by commas, quotes and dashes.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/sentences.hpp"

namespace briefmap::draft {

enum class WordShape : uint8_t {
    Lower,        // "shells"
    Capitalised,  // "Kursk", "McDonald", "U.S." (acronyms), "DPRK" (all caps)
    Number,       // "15,000", "4.8", "2024", "17th"
    Punct,        // one punctuation character: , ; : ( ) " ' — - $ € £ %
};

struct Word {
    uint32_t start = 0, end = 0;  // bytes in the article
    WordShape shape = WordShape::Lower;
    bool possessive = false;  // followed by 's / ’s / a lone ’ after s (not part of the word)
    std::string lower;        // ASCII-lower-cased, curly apostrophes straightened, dots of acronyms kept
    double number = 0;        // the value of a Number word ("15,000" → 15000)

    bool is(std::string_view w) const { return lower == w; }
    bool punct(char c) const { return shape == WordShape::Punct && lower.size() == 1 && lower[0] == c; }
    bool isPunct() const { return shape == WordShape::Punct; }
    bool capitalised() const { return shape == WordShape::Capitalised; }
};

// Every word of `span` in `text`. Dashes between spaces and em/en dashes become Punct "-";
// hyphens inside words join them ("self-sacrificing", "Shahed-136").
std::vector<Word> splitWords(std::string_view text, TextSpan span);

}  // namespace briefmap::draft
