// Counts and amounts in a sentence with the noun they count and how they are hedged: "about 15,000
// troops", "more than 11,000 soldiers", "up to 4.8 million artillery shells", "$34.4 million",
// "millions of shells" (a lower bound: 2,000,000 with a note), "hundreds of drones", "a dozen ships".
#pragma once
#include <string>
#include <vector>

#include "draft/words.hpp"

namespace briefmap::draft {

struct QuantityPhrase {
    TextSpan span;                      // qualifier, number and unit as written
    size_t firstWord = 0, endWord = 0;  // word range in the sentence
    size_t numberWord = 0;              // the number (or "hundreds"), for nearness to a trigger
    double value = 0;
    std::string unit;       // the counted noun as written, without demonyms: "ballistic missiles", "US dollars"
    std::string unitHead;   // its last word, lower case: "missiles", "dollars"
    std::string qualifier;  // "about", "more than", "up to", "hundreds of", "" when exact
    std::string text;       // as written: "up to 4.8 million artillery shells"
    std::string note;       // why the value is what it is, for vague amounts
    bool money = false;
    float confidence = 0;
};

std::vector<QuantityPhrase> findQuantities(std::string_view text, const std::vector<Word>& words);

}  // namespace briefmap::draft
