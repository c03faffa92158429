// Folding of place names for matching, shared by the gazetteer builder, the geocoder and (later) the
// geoparser: any script to Latin (ICU Any-Latin per character, so Пхеньян, 평양 and Pyongyang meet),
// diacritics and case removed, punctuation to spaces, whitespace collapsed. ASCII input never
// touches ICU; other characters are transliterated once each and cached.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace briefmap {

std::string foldName(std::string_view utf8);

// The letter a precomposed character is built on (Ḩ → H, ŏ → o), by canonical decomposition; the
// character itself when it has none. For fonts that lack the precomposed form.
char32_t baseLetter(char32_t cp);

// True when the text is valid UTF-8 (invalid input is folded as U+FFFD, never crashes).
bool isValidUtf8(std::string_view text);

// One decoded code point: `length` bytes at the position given; an invalid or truncated sequence
// decodes as U+FFFD with length 1 and valid false, so a scan always moves forward.
struct CodePoint {
    char32_t value = 0;
    uint8_t length = 1;
    bool valid = true;
};
CodePoint decodeUtf8(std::string_view text, size_t at);

// What a code point is to a tokenizer (from ICU's character properties, cached for the BMP).
enum class CharClass : uint8_t {
    Other,    // space, punctuation, symbols
    Lower,    // cased letter, lower case (and title-case-less letters such as ß)
    Upper,    // cased letter, upper or title case
    Uncased,  // a letter of a script without case: Hangul, CJK, Arabic…
    Digit,
    Mark,     // combining mark: belongs to the letter before it
};
CharClass charClass(char32_t cp);

}  // namespace briefmap
