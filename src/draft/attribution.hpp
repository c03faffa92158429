// Who says so: reporting clauses and their scope in one sentence. "According to South Korea's spy
// agency, …", "Officials in Kiev said that …", "…, KCNA reported.", "…, said a Pentagon spokesman.",
// "citing U.S. officials", hedges without a speaker ("reportedly"), denials ("Tehran denied …") and
// confirmations ("the Pentagon confirmed …").
#pragma once
#include <string>
#include <vector>

#include "draft/words.hpp"

namespace briefmap::draft {

struct Attribution {
    size_t speakerFirst = 0, speakerEnd = 0;  // words of the speaker ("Officials in Kiev"); empty for hedges
    std::string speaker;                      // as written, without a leading article
    size_t cueWord = 0;                       // the reporting word: "said", "according", "reportedly"
    std::string cue;                          // its lower-case form ("according to" for that phrase)
    size_t scopeFirst = 0, scopeEnd = 0;      // the words the claim covers
    bool pronoun = false;   // "he said": the speaker is someone named earlier
    bool hedge = false;     // "reportedly", "is believed to": claimed, no speaker named
    bool confirms = false;  // "confirmed", "verified", "acknowledged"
    bool denies = false;    // "denied", "rejected the claims"
    bool accuses = false;   // "accused X of …"

    bool covers(size_t word) const { return word >= scopeFirst && word < scopeEnd; }
};

std::vector<Attribution> findAttributions(std::string_view text, const std::vector<Word>& words);

// Nouns that make a phrase a source of information ("officials", "ministry", "intelligence").
bool isSpeakerNoun(std::string_view lower);

}  // namespace briefmap::draft
