// The word lists the geoparser reads text with: what marks a person (titles), an organisation
// ("Times", "Ministry"), a location ("in", "near", "the town of"), a qualifier that belongs to a
// place name ("region", "oblast"), and demonyms ("North Korean" → North Korea). All words are
// folded (core/text_fold), so they compare with Token::folded.
#pragma once
#include <string_view>

namespace briefmap::geo {

// "President", "Mr", "Minister", "Marshal"…: a capitalised word right after one names a person.
bool isPersonTitle(std::string_view folded);
// "Times", "Post", "Ministry", "Agency", "University"…: a place right before one names an organisation.
bool isOrganisationWord(std::string_view folded);
// Lower-case words after which a capitalised name is a location: "in", "near", "from", "outside"…
bool isLocatingWord(std::string_view folded);
// Nouns that make "of X" a location: "the city of X", "the outskirts of X", "the region of X".
bool isPlaceNoun(std::string_view folded);
// Lower-case words that extend a place mention: "Kursk region", "Amur oblast", "Kursk border region".
enum class QualifierWord { None, Region, Border, Site };
QualifierWord qualifierWord(std::string_view folded);
// Capitalised words at a sentence start or in a headline that are ordinary words, never names.
bool isCommonWord(std::string_view folded);
// Words that are place names somewhere but are never read as one on their own in news text
// ("North", "West", "Central", "Kim", "Mr", month and day names).
bool isNeverAPlaceAlone(std::string_view folded);

// Names the gazetteer may know as a building but that news uses for an organisation ("U.N.",
// "United Nations", "U.N. Security Council"): never place mentions.
bool isOrganisationName(std::string_view folded);
// Plural qualifiers that apply to every name of a list: "the Kursk and Belgorod regions".
inline bool isPluralRegionWord(std::string_view w) {
    return w == "regions" || w == "oblasts" || w == "provinces" || w == "prefectures" || w == "districts";
}

// A demonym or adjective of a country ("north korean", "russian", "soviet") → the country's name as
// the gazetteer knows it ("North Korea"); empty when `folded` is not one. Multi-word demonyms are
// given with their words joined by one space.
std::string_view demonymCountry(std::string_view folded);

}  // namespace briefmap::geo
