// How a written place name is taken apart for matching, identically when the gazetteer is built and
// when it is queried: fold (core/text_fold), drop leading articles and "city of", and split off a
// trailing qualifier ("Kursk region", "Amur Oblast", "Primorsky Krai") that says what kind of place
// the writer means.
#pragma once
#include <string>
#include <string_view>

namespace briefmap::geo {

enum class Qualifier { None, Region, City, Site };  // Site: port, air base, station…

struct NameKey {
    std::string base;  // folded, qualifiers removed; never empty when the input had letters
    Qualifier qualifier = Qualifier::None;
};

NameKey nameKey(std::string_view written);
NameKey nameKeyFromFolded(std::string folded);

// "Pyongyang, North Korea" and "Russia's Kursk region": the name proper, and the words that only
// place it (after a comma, or the owner before 's), which serve as context.
struct SplitName {
    std::string_view name;
    std::string context;
};
SplitName splitWrittenName(std::string_view written);

}  // namespace briefmap::geo
