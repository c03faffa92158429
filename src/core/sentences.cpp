// ICU sentence breaks over UTF-8 (native byte offsets through UText), then news abbreviations.
#include "core/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <memory>

namespace briefmap {

namespace {

bool isSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Abbreviations that never end a sentence in news text: titles before a name.
bool isTitleAbbreviation(std::string_view w) {
    static constexpr std::array<std::string_view, 30> kWords = {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Sgt", "Gov",
        "Sen", "Rep", "Pres", "St", "Mt", "Brig", "Rev", "Hon", "Amb", "Cpl", "Pvt", "Gens", "Messrs", "Fr", "Supt"};
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Abbreviations that do not end a sentence when a number follows ("Jan. 12", "No. 3").
bool isNumberAbbreviation(std::string_view w) {
    static constexpr std::array<std::string_view, 16> kWords = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                                                                "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Art", "Vol"};
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Capitalised words that usually open a sentence: after "U.S." they mean the acronym ended it.
bool isSentenceOpener(std::string_view w) {
    static constexpr std::array<std::string_view, 52> kWords = {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "But",
        "And", "In", "On", "At", "As", "If", "When", "While", "After", "Before", "Since", "However", "Meanwhile",
        "Also", "There", "His", "Her", "Their", "Its", "Our", "According", "Some", "Many", "Most", "One", "Other",
        "Officials", "Such", "Yet", "So", "Still", "Earlier", "Later", "Last", "Now", "Asked", "What"};
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// The word that ends at `end` (exclusive), letters and dots only: "U.S", "Gen", "V".
std::string_view wordBefore(std::string_view text, size_t end) {
    size_t b = end;
    while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) --b;
    return text.substr(b, end - b);
}

std::string_view wordAt(std::string_view text, size_t at) {
    size_t e = at;
    while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
    return text.substr(at, e - at);
}

// Whether ICU's break at `at` (the start of the next sentence, after any white space) is an
// abbreviation's full stop or a hard-wrapped line rather than a sentence end.
bool joinsAcross(std::string_view text, size_t at) {
    size_t end = at;
    while (end > 0 && isSpaceByte(text[end - 1])) --end;
    if (end == 0 || at >= text.size()) return false;
    const std::string_view gap = text.substr(end, at - end);
    const size_t newlines = static_cast<size_t>(std::count(gap.begin(), gap.end(), '\n'));
    const char next = text[at];
    if (newlines >= 2) return false;  // a blank line: a paragraph ends
    if (newlines == 1) {
        // A hard-wrapped paragraph: a long line without final punctuation, continued in lower case.
        size_t lineStart = end;
        while (lineStart > 0 && text[lineStart - 1] != '\n') --lineStart;
        const char last = text[end - 1];
        return end - lineStart >= 60 && isLower(next) && last != '.' && last != '!' && last != '?' && last != ':';
    }
    if (text[end - 1] != '.') return false;
    const std::string_view word = wordBefore(text, end - 1);
    if (word.empty()) return false;
    if (isLower(next)) return true;
    if (isTitleAbbreviation(word)) return true;
    if (isNumberAbbreviation(word)) return isDigit(next);
    const bool initial = word.size() == 1 && isUpper(word[0]);
    const bool acronym = word.size() >= 3 && word.find('.') != std::string_view::npos &&
                         std::all_of(word.begin(), word.end(), [](char c) { return c == '.' || isUpper(c); });
    if (initial || acronym) return isUpper(next) && !isSentenceOpener(wordAt(text, at));
    return false;
}

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

std::unique_ptr<icu::BreakIterator> makeIterator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
}

}  // namespace

namespace {

// Where to end a piece of text[s, limit): after the last ';' or ',' and a space in its second half,
// else at its last space, else at the last UTF-8 character start before `limit`.
size_t pieceEnd(std::string_view text, size_t s, size_t limit) {
    const size_t half = s + (limit - s) / 2;
    for (size_t i = limit; i > half + 1; --i)
        if ((text[i - 2] == ',' || text[i - 2] == ';') && isSpaceByte(text[i - 1])) return i;
    for (size_t i = limit; i > half; --i)
        if (isSpaceByte(text[i - 1])) return i;
    size_t i = limit;
    while (i > s + 1 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    return i;
}

}  // namespace

std::vector<TextSpan> splitSentences(std::string_view text) {
    std::vector<TextSpan> out;
    if (text.empty()) return out;
    // Creating the iterator loads ICU's rules (~1 ms): once per thread.
    thread_local std::unique_ptr<icu::BreakIterator> iterator = makeIterator();
    std::vector<size_t> breaks{0};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> utext(
        utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    if (iterator && U_SUCCESS(status)) {
        iterator->setText(utext.get(), status);
        if (U_SUCCESS(status))
            for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next())
                breaks.push_back(static_cast<size_t>(b));
    }
    if (breaks.back() != text.size()) breaks.push_back(text.size());
    size_t start = 0;
    const auto push = [&](size_t s, size_t e) {
        while (s < e && isSpaceByte(text[s])) ++s;
        while (e > s && isSpaceByte(text[e - 1])) --e;
        if (e > s) out.push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(e)});
    };
    const auto emit = [&](size_t end) {
        size_t s = start;
        // A "sentence" longer than any real one (a text without punctuation, a table flattened to
        // one line) is cut at clause or word boundaries, so that no later step sees a huge one.
        while (end - s > kMaxSentenceBytes) {
            const size_t cut = pieceEnd(text, s, s + kMaxSentenceBytes);
            push(s, cut);
            s = cut;
        }
        push(s, end);
        start = end;
    };
    for (size_t i = 1; i < breaks.size(); ++i) {
        const size_t b = breaks[i];
        if (b < text.size() && joinsAcross(text, b)) continue;
        emit(b);
    }
    return out;
}

}  // namespace briefmap
