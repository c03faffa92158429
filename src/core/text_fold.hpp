// Folding of place names for matching, shared by the gazetteer builder, the geocoder and (later) the
// geoparser: any script to Latin (ICU Any-Latin per character, so Пхеньян, 평양 and Pyongyang meet),
// diacritics and case removed, punctuation to spaces, whitespace collapsed. ASCII input never
// touches ICU; other characters are transliterated once each and cached.
#pragma once
#include <string>
#include <string_view>

namespace briefmap {

std::string foldName(std::string_view utf8);

// True when the text is valid UTF-8 (invalid input is folded as U+FFFD, never crashes).
bool isValidUtf8(std::string_view text);

}  // namespace briefmap
