// Tokenizer: one pass over the bytes, classifying code points through core/text_fold's tables.
#include "geo/text_tokens.hpp"

#include <algorithm>
#include <array>

#include "core/text_fold.hpp"

namespace briefmap::geo {

namespace {

bool isApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool isHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool isSentenceEnd(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool isClosing(char32_t c) { return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')' || c == ']'; }
bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x3000; }
bool isLineBreak(char32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }
bool isWordChar(CharClass k) { return k != CharClass::Other; }

// Words followed by a full stop that does not end the sentence ("Mr. Kim", "Adm. Kim Myong Sik").
bool isAbbreviation(std::string_view folded) {
    static constexpr std::array<std::string_view, 34> kWords = {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "gov", "sen",
        "rep", "pres", "st", "mt", "ft", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "dept", "jan",
        "feb", "aug", "sept"};
    return std::find(kWords.begin(), kWords.end(), folded) != kWords.end();
}

struct Scanner {
    std::string_view text;
    TokenizedText& out;
    size_t i = 0;
    Gap pendingGap = Gap::Start;
    bool sentenceOpen = false;

    CodePoint at(size_t pos) const { return decodeUtf8(text, pos); }

    // Closes the open sentence; its text runs to the end of its last word plus the punctuation and
    // closing quotes that follow it, up to `atByte`.
    void endSentence(size_t atByte) {
        if (!sentenceOpen) return;
        Sentence& s = out.sentences.back();
        s.endToken = static_cast<uint32_t>(out.tokens.size());
        size_t end = std::max<size_t>(s.start, out.tokens.empty() ? s.start : out.tokens.back().end);
        while (end < atByte && end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
               static_cast<unsigned char>(text[end]) != 0xC2)
            ++end;
        s.end = static_cast<uint32_t>(end);
        sentenceOpen = false;
        pendingGap = Gap::Start;
    }

    void beginToken(uint32_t start) {
        if (!sentenceOpen) {
            out.sentences.push_back({start, start, static_cast<uint32_t>(out.tokens.size()), 0});
            sentenceOpen = true;
            pendingGap = Gap::Start;
        }
    }

    // Reads one word starting at i: letters, digits and marks, apostrophes inside a word, dots of an
    // acronym; stops before a hyphen (the next word is marked as hyphen-joined).
    void readWord() {
        const size_t start = i;
        size_t upper = 0, lower = 0, uncased = 0, digits = 0, letters = 0;
        CharClass firstClass = CharClass::Other;
        bool possessive = false;
        size_t end = i;
        while (i < text.size()) {
            const CodePoint cp = at(i);
            const CharClass k = cp.valid ? charClass(cp.value) : CharClass::Other;
            if (isWordChar(k)) {
                if (letters + digits == 0) firstClass = k;
                upper += k == CharClass::Upper;
                lower += k == CharClass::Lower;
                uncased += k == CharClass::Uncased;
                digits += k == CharClass::Digit;
                letters += k == CharClass::Upper || k == CharClass::Lower || k == CharClass::Uncased;
                i += cp.length;
                end = i;
                continue;
            }
            if (isApostrophe(cp.value)) {
                const size_t after = i + cp.length;
                const CodePoint next = after < text.size() ? at(after) : CodePoint{' ', 1, true};
                const bool nextIsWord = next.valid && isWordChar(charClass(next.value));
                // "’s" at the end of a word, or a lone apostrophe after a plural s: a possessive.
                if ((next.value == 's' || next.value == 'S') && after + 1 <= text.size()) {
                    const CodePoint afterS = after + 1 < text.size() ? at(after + 1) : CodePoint{' ', 1, true};
                    if (!(afterS.valid && isWordChar(charClass(afterS.value)))) {
                        possessive = true;
                        i = after + 1;
                        break;
                    }
                }
                if (nextIsWord && letters > 0) {  // P'yongyang, O'Brien
                    i = after;
                    continue;
                }
                if (!nextIsWord && end > start && (text[end - 1] == 's' || text[end - 1] == 'S')) {
                    possessive = true;
                    i = after;
                }
                break;
            }
            if (cp.value == ',' && digits > 0 && letters == 0 && i + 1 < text.size() &&
                charClass(at(i + 1).value) == CharClass::Digit) {  // 15,000
                ++i;
                continue;
            }
            break;
        }
        Token t;
        t.start = static_cast<uint32_t>(start);
        t.end = static_cast<uint32_t>(end);
        t.possessive = possessive;
        t.gap = pendingGap;
        t.sentence = static_cast<uint32_t>(out.sentences.size() - 1);
        if (letters == 0) t.shape = TokenShape::Number;
        else if (uncased > 0 && upper + lower == 0) t.shape = TokenShape::Uncased;
        else if (firstClass == CharClass::Upper) t.shape = (lower == 0 && upper >= 2) ? TokenShape::AllCaps : TokenShape::Capitalised;
        else t.shape = TokenShape::Lower;
        t.folded = foldName(text.substr(start, end - start));
        // Acronyms and initials: "U.S.", "U.N.", "V." — single letters each followed by a dot.
        if (!possessive && letters == 1 && upper == 1 && i < text.size() && text[i] == '.') {
            std::string joined = t.folded;
            size_t j = i + 1;
            while (j + 1 < text.size() && std::isupper(static_cast<unsigned char>(text[j])) && text[j + 1] == '.') {
                joined += static_cast<char>(text[j] - 'A' + 'a');
                j += 2;
            }
            t.shape = joined.size() >= 2 ? TokenShape::Acronym : TokenShape::Initial;
            t.folded = std::move(joined);
            t.end = static_cast<uint32_t>(j);
            i = j;
            // An acronym may still carry a possessive: "U.S.'s".
            if (i + 2 <= text.size() && text[i] == '\'' && (text[i + 1] == 's')) {
                t.possessive = true;
                i += 2;
            }
        }
        out.tokens.push_back(std::move(t));
        pendingGap = Gap::Space;
    }

    void run() {
        size_t lineStart = 0;
        while (i < text.size()) {
            const CodePoint cp = at(i);
            if (!cp.valid) {
                if (out.invalidSequences++ == 0) out.firstInvalidAt = i;
                pendingGap = pendingGap == Gap::Start ? Gap::Start : Gap::Punct;
                ++i;
                continue;
            }
            const CharClass k = charClass(cp.value);
            if (isWordChar(k) && k != CharClass::Mark) {
                beginToken(static_cast<uint32_t>(i));
                readWord();
                continue;
            }
            if (isLineBreak(cp.value)) {
                lineBreak(lineStart);
                i += cp.length;
                lineStart = i;
                continue;
            }
            if (isSpace(cp.value) || k == CharClass::Mark) {
                i += cp.length;
                continue;
            }
            if (isHyphen(cp.value) && !out.tokens.empty() && out.tokens.back().end == i && i + cp.length < text.size() &&
                isWordChar(charClass(at(i + cp.length).value))) {
                pendingGap = Gap::Hyphen;
                i += cp.length;
                continue;
            }
            if (isSentenceEnd(cp.value)) {
                i += cp.length;
                maybeEndSentence();
                continue;
            }
            if (sentenceOpen && pendingGap != Gap::Start) pendingGap = cp.value == ',' ? Gap::Comma : Gap::Punct;
            i += cp.length;
        }
        lineBreak(lineStart);
        endSentence(text.size());
    }

    // After . ! ?: the sentence ends unless the word before is an abbreviation or initial, or the
    // next word starts in lower case ("the U.S. mainland").
    void maybeEndSentence() {
        if (!sentenceOpen || out.tokens.empty()) return;
        const Token& last = out.tokens.back();
        size_t j = i;
        while (j < text.size()) {
            const CodePoint c = at(j);
            if (!isClosing(c.value) && !isSentenceEnd(c.value)) break;
            j += c.length;
        }
        if (j < text.size() && !isSpace(at(j).value) && !isLineBreak(at(j).value)) {
            pendingGap = Gap::Punct;  // "3.5", "a.m.", a dot inside a token-less run
            return;
        }
        size_t next = j;
        while (next < text.size() && (isSpace(at(next).value) || isLineBreak(at(next).value))) next += at(next).length;
        const bool lineFollows = j < text.size() && isLineBreak(at(j).value);
        if (next < text.size() && charClass(at(next).value) == CharClass::Lower) {
            pendingGap = Gap::Punct;
            return;
        }
        if (!lineFollows && (last.shape == TokenShape::Initial || last.shape == TokenShape::Acronym ||
                             (last.end + 1 == i && isAbbreviation(last.folded)))) {
            pendingGap = Gap::Space;
            return;
        }
        endSentence(j);
    }

    // A line break ends a sentence unless the text is hard-wrapped (a long line, the next starting
    // in lower case). Lines written in title case (headlines) mark their tokens.
    void lineBreak(size_t lineStart) {
        size_t firstTok = out.tokens.size();
        while (firstTok > 0 && out.tokens[firstTok - 1].start >= lineStart) --firstTok;
        const size_t count = out.tokens.size() - firstTok;
        size_t capitalised = 0, words = 0;
        for (size_t t = firstTok; t < out.tokens.size(); ++t) {
            const Token& tok = out.tokens[t];
            if (tok.shape == TokenShape::Number) continue;
            ++words;
            capitalised += tok.shape != TokenShape::Lower;
        }
        const bool terminal = count > 0 && !sentenceOpen;
        if (words >= 3 && capitalised * 10 >= words * 6 && !terminal)
            for (size_t t = firstTok; t < out.tokens.size(); ++t) out.tokens[t].headline = true;
        size_t next = i;
        while (next < text.size() && (isSpace(at(next).value) || isLineBreak(at(next).value))) next += at(next).length;
        const bool nextLower = next < text.size() && charClass(at(next).value) == CharClass::Lower;
        const bool blankLine = next > i + 1 && std::count(text.begin() + static_cast<long>(i), text.begin() + static_cast<long>(next), '\n') >= 2;
        const size_t lineBytes = i - lineStart;
        if (blankLine || !nextLower || lineBytes < 60) endSentence(i);
        else if (sentenceOpen) pendingGap = Gap::Space;
    }
};

}  // namespace

void tokenize(std::string_view text, TokenizedText& out) {
    out.tokens.clear();
    out.sentences.clear();
    out.invalidSequences = 0;
    out.firstInvalidAt = 0;
    Scanner{text, out}.run();
}

std::pair<size_t, size_t> lineColumnAt(std::string_view text, size_t offset) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size();) {
        const CodePoint cp = decodeUtf8(text, i);
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += cp.length;
    }
    return {line, column};
}

}  // namespace briefmap::geo
