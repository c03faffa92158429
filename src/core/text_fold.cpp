// ICU transliteration (the one place ICU is used) plus an ASCII fast path.
#include "core/text_fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace briefmap {

namespace {

// Lowercases ASCII letters, turns everything that is not a letter or digit into one space, trims.
// Apostrophes vanish rather than split ("P'yongyang" → "pyongyang").
std::string cleanAscii(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\'' || c == 0x60) continue;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (space && !out.empty()) out.push_back(' ');
            space = false;
            out.push_back(static_cast<char>(c));
        } else if (c >= 'A' && c <= 'Z') {
            if (space && !out.empty()) out.push_back(' ');
            space = false;
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else {
            space = true;
        }
    }
    return out;
}

const icu::Transliterator* transliterator() {
    // One per thread: ICU transliterators keep internal state while transliterating.
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
            "Any-Latin; Latin-ASCII; Any-Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) made.reset();
        return made;
    }();
    return t.get();
}

// The fold of one code point, from ICU on first sight and cached per thread. Folding character by
// character (rather than ICU's context-aware transliteration of whole strings) is what makes query
// folding fast (~0.1 µs a name instead of ~10 µs for Cyrillic or Hangul); the gazetteer is built with
// this same function, so index and queries always agree. Hangul syllables fold one by one and join
// (평양 → "pyeongyang"), which also meets the romanized spellings.
const std::string& foldCodePoint(char32_t cp) {
    thread_local std::vector<std::string> folds(0x10000);
    thread_local std::vector<bool> known(0x10000, false);
    thread_local std::string scratch;
    if (cp >= 0x10000) {
        icu::UnicodeString u(static_cast<UChar32>(cp));
        if (const icu::Transliterator* t = transliterator()) t->transliterate(u);
        scratch.clear();
        u.toUTF8String(scratch);
        return scratch;
    }
    if (!known[cp]) {
        icu::UnicodeString u(static_cast<UChar32>(cp));
        if (const icu::Transliterator* t = transliterator()) t->transliterate(u);
        u.toUTF8String(folds[cp]);
        known[cp] = true;
    }
    return folds[cp];
}

// Decodes UTF-8 and folds each code point; invalid bytes become separators.
void foldCodePoints(std::string_view s, std::string& out) {
    out.clear();
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        const int extra = (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        bool valid = extra > 0 && i + static_cast<size_t>(extra) < s.size();
        char32_t cp = valid ? c & (0x3Fu >> extra) : 0;
        for (int k = 1; valid && k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            if ((cc >> 6) != 2) valid = false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (!valid) {
            out.push_back(' ');
            ++i;
            continue;
        }
        out += foldCodePoint(cp);
        i += static_cast<size_t>(extra) + 1;
    }
}

}  // namespace

CodePoint decodeUtf8(std::string_view s, size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return {c, 1, true};
    const int extra = (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + static_cast<size_t>(extra) >= s.size()) return {0xFFFD, 1, false};
    char32_t cp = c & (0x3Fu >> extra);
    for (int k = 1; k <= extra; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
        if ((cc >> 6) != 2) return {0xFFFD, 1, false};
        cp = (cp << 6) | (cc & 0x3Fu);
    }
    // Overlong forms and surrogates are invalid too (they would let one text spell a name two ways).
    static constexpr char32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[extra] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return {0xFFFD, 1, false};
    return {cp, static_cast<uint8_t>(extra + 1), true};
}

CharClass charClass(char32_t cp) {
    if (cp < 0x80) {
        if (cp >= 'a' && cp <= 'z') return CharClass::Lower;
        if (cp >= 'A' && cp <= 'Z') return CharClass::Upper;
        if (cp >= '0' && cp <= '9') return CharClass::Digit;
        return CharClass::Other;
    }
    auto classify = [](char32_t c) {
        const auto u = static_cast<UChar32>(c);
        if (u_isdigit(u)) return CharClass::Digit;
        const int8_t type = u_charType(u);
        if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK)
            return CharClass::Mark;
        if (!u_isalpha(u)) return CharClass::Other;
        if (type == U_UPPERCASE_LETTER || type == U_TITLECASE_LETTER) return CharClass::Upper;
        if (type == U_LOWERCASE_LETTER) return CharClass::Lower;
        return CharClass::Uncased;
    };
    if (cp >= 0x10000) return classify(cp);
    // ICU property look-ups are fast but not free; a tokenizer asks for every character of a text.
    static const std::vector<CharClass> table = [&] {
        std::vector<CharClass> t(0x10000);
        for (char32_t c = 0; c < 0x10000; ++c) t[c] = classify(c);
        return t;
    }();
    return table[cp];
}

bool isValidUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + static_cast<size_t>(extra) >= s.size() + (extra == 0 ? 1 : 0)) return false;
        for (int k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) >> 6) != 2) return false;
        i += static_cast<size_t>(extra) + 1;
    }
    return true;
}

std::string foldName(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8)
        if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    if (ascii) return cleanAscii(utf8);
    thread_local std::string latin;
    foldCodePoints(utf8, latin);
    return cleanAscii(latin);  // anything ICU left outside ASCII becomes a separator
}

char32_t baseLetter(char32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || !nfd) return cp;
    icu::UnicodeString decomposition;
    if (!nfd->getDecomposition(static_cast<UChar32>(cp), decomposition) || decomposition.isEmpty()) return cp;
    return static_cast<char32_t>(decomposition.char32At(0));
}

}  // namespace briefmap
