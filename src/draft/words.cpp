#include "draft/words.hpp"

#include <cstdlib>

#include "core/text_fold.hpp"

namespace briefmap::draft {

namespace {

bool isApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool isJoiningHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool isSpace(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x3000 ||
           c == 0x2028 || c == 0x2029;
}

char punctForm(char32_t c) {
    switch (c) {
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: return '"';
        case 0x2018: case 0x2019: case 0x201A: return '\'';
        case 0x2013: case 0x2014: case 0x2012: case 0x2015: case 0x2212: return '-';
        case 0x2026: return '.';
        case 0x20AC: return 'E';  // €: currency marks keep a letter of their own
        case 0x00A3: return 'L';  // £
        default: return c < 0x80 ? static_cast<char>(c) : '?';
    }
}

struct WordScanner {
    std::string_view text;
    size_t i;
    size_t end;
    std::vector<Word>& out;

    CodePoint at(size_t pos) const { return decodeUtf8(text, pos); }
    CharClass classAt(size_t pos) const {
        if (pos >= end) return CharClass::Other;
        const CodePoint cp = at(pos);
        return cp.valid ? charClass(cp.value) : CharClass::Other;
    }
    bool wordCharAt(size_t pos) const { return classAt(pos) != CharClass::Other; }

    void run() {
        while (i < end) {
            const CodePoint cp = at(i);
            const CharClass k = cp.valid ? charClass(cp.value) : CharClass::Other;
            if (k != CharClass::Other && k != CharClass::Mark) {
                readWord();
                continue;
            }
            if (!cp.valid || isSpace(cp.value) || k == CharClass::Mark) {
                i += cp.length;
                continue;
            }
            Word w;
            w.start = static_cast<uint32_t>(i);
            w.end = static_cast<uint32_t>(i + cp.length);
            w.shape = WordShape::Punct;
            w.lower.assign(1, punctForm(cp.value));
            out.push_back(std::move(w));
            i += cp.length;
        }
    }

    void readWord() {
        const size_t start = i;
        size_t letters = 0, digits = 0, upper = 0;
        bool firstUpper = false, firstDigit = false;
        Word w;
        while (i < end) {
            const CodePoint cp = at(i);
            const CharClass k = cp.valid ? charClass(cp.value) : CharClass::Other;
            if (k != CharClass::Other) {
                if (letters + digits == 0) {
                    firstUpper = k == CharClass::Upper;
                    firstDigit = k == CharClass::Digit;
                }
                letters += k == CharClass::Upper || k == CharClass::Lower || k == CharClass::Uncased;
                upper += k == CharClass::Upper;
                digits += k == CharClass::Digit;
                i += cp.length;
                continue;
            }
            const size_t after = i + cp.length;
            // 15,000 and 4.8: separators between digits.
            if ((cp.value == ',' || cp.value == '.') && digits > 0 && letters == 0 && after < end &&
                classAt(after) == CharClass::Digit) {
                i = after;
                continue;
            }
            if (isJoiningHyphen(cp.value) && wordCharAt(after)) {  // Shahed-136, self-sacrificing
                i = after;
                continue;
            }
            if (isApostrophe(cp.value)) {
                const CodePoint next = after < end ? at(after) : CodePoint{' ', 1, true};
                if ((next.value == 's' || next.value == 'S') && !wordCharAt(after + 1)) {
                    w.possessive = true;
                    w.end = static_cast<uint32_t>(i);
                    i = after + 1;
                    break;
                }
                if (wordCharAt(after) && letters > 0) {  // didn't, O'Brien
                    i = after;
                    continue;
                }
                if (!wordCharAt(after) && i > start && (text[i - 1] == 's' || text[i - 1] == 'S')) {
                    w.possessive = true;  // allies’
                    w.end = static_cast<uint32_t>(i);
                    i = after;
                    break;
                }
            }
            break;
        }
        if (!w.possessive) w.end = static_cast<uint32_t>(i);
        // Acronyms written with dots: U.S., U.N., D.C.
        if (letters == 1 && digits == 0 && firstUpper && i < end && text[i] == '.' && i + 2 < end &&
            std::isupper(static_cast<unsigned char>(text[i + 1])) && text[i + 2] == '.') {
            size_t j = i;  // at a dot: ".S." of "U.S."
            while (j + 2 < end && text[j] == '.' && std::isupper(static_cast<unsigned char>(text[j + 1])) &&
                   text[j + 2] == '.')
                j += 2;
            ++j;  // the final dot
            i = j;
            w.end = static_cast<uint32_t>(j);
            if (i + 1 < end && isApostrophe(at(i).value) && text[i + at(i).length] == 's' &&
                !wordCharAt(i + at(i).length + 1)) {
                w.possessive = true;
                i += at(i).length + 1;
            }
        }
        w.start = static_cast<uint32_t>(start);
        for (size_t p = start; p < w.end;) {
            const CodePoint cp = at(p);
            if (isApostrophe(cp.value)) w.lower.push_back('\'');
            else if (cp.value == 0x2010 || cp.value == 0x2011) w.lower.push_back('-');
            else if (cp.value < 0x80) w.lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(cp.value))));
            else w.lower.append(text.substr(p, cp.length));
            p += cp.length;
        }
        if (firstDigit) {
            w.shape = WordShape::Number;
            std::string digitsOnly;
            for (char c : w.lower)
                if ((c >= '0' && c <= '9') || c == '.') digitsOnly.push_back(c);
                else if (c != ',') break;
            w.number = std::strtod(digitsOnly.c_str(), nullptr);
        } else {
            w.shape = firstUpper ? WordShape::Capitalised : WordShape::Lower;
        }
        (void)upper;
        out.push_back(std::move(w));
    }
};

}  // namespace

std::vector<Word> splitWords(std::string_view text, TextSpan span) {
    std::vector<Word> out;
    const size_t end = std::min<size_t>(span.end, text.size());
    WordScanner{text, span.start, end, out}.run();
    return out;
}

}  // namespace briefmap::draft
