// Sentences of a news text: ICU's sentence break rules, then the abbreviations news writing uses
// that ICU would break after ("U.S. President", "Gen. Syrskyi", "Jan. 12", "Yuri V. Ushakov"), and
// hard-wrapped lines joined back. Byte offsets into the UTF-8 text; ICU stays inside core.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace briefmap {

struct TextSpan {
    uint32_t start = 0, end = 0;  // UTF-8 byte offsets, end exclusive
    uint32_t size() const { return end - start; }
    bool contains(uint32_t at) const { return at >= start && at < end; }
    bool overlaps(TextSpan o) const { return start < o.end && o.start < end; }
};

// No sentence is longer than this: a longer run without a sentence end is cut at clauses or words.
inline constexpr uint32_t kMaxSentenceBytes = 2000;

// Sentences in text order, trimmed of surrounding white space, never empty. A line without final
// punctuation (a headline, a dateline) is a sentence of its own. Invalid UTF-8 is read as U+FFFD.
std::vector<TextSpan> splitSentences(std::string_view text);

}  // namespace briefmap
