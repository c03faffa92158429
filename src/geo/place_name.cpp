// Qualifier lists: the words news writers put after or before a place name.
#include "geo/place_name.hpp"

#include <array>
#include <initializer_list>

#include "core/text_fold.hpp"

namespace briefmap::geo {

namespace {

bool endsWithWord(const std::string& s, std::string_view word) {
    return s.size() > word.size() + 1 && s.compare(s.size() - word.size(), word.size(), word) == 0 &&
           s[s.size() - word.size() - 1] == ' ';
}

bool startsWithWords(const std::string& s, std::string_view words) {
    return s.size() > words.size() + 1 && s.compare(0, words.size(), words) == 0 && s[words.size()] == ' ';
}

}  // namespace

NameKey nameKeyFromFolded(std::string s) {
    NameKey key;
    if (s.find(' ') == std::string::npos) {  // every article and qualifier is a separate word
        key.base = std::move(s);
        return key;
    }
    static constexpr std::array<std::string_view, 6> kLeading = {"the city of", "city of", "the port of", "port of",
                                                                  "the", "republic of"};
    for (std::string_view lead : kLeading) {
        if (startsWithWords(s, lead)) {
            if (lead.find("city") != std::string_view::npos) key.qualifier = Qualifier::City;
            if (lead.find("port") != std::string_view::npos) key.qualifier = Qualifier::Site;
            if (lead == "republic of") key.qualifier = Qualifier::Region;
            s.erase(0, lead.size() + 1);
            break;
        }
    }
    // Trailing words that say what kind of place is meant, longest first within each group ("autonomous
    // okrug" before "okrug"). A region word decides the qualifier; site and city words only when none
    // was given. Korean "-do" is not listed: it folds joined to the name ("Hamgyongbuk-do").
    struct Suffixes {
        std::initializer_list<std::string_view> words;
        Qualifier qualifier;
        bool overrides;
    };
    static const Suffixes kSuffixes[] = {
        {{"autonomous oblast", "autonomous okrug", "oblast", "region", "province", "krai", "kray", "okrug",
          "prefecture", "governorate", "state", "territory", "raion", "rayon", "district", "county", "republic",
          "metropolitan city", "special city"},
         Qualifier::Region, true},
        {{"air base", "airbase", "naval base", "airport", "airfield", "port", "harbor", "harbour", "railway station",
          "station", "islands", "island"},
         Qualifier::Site, false},
        {{"city", "town", "village"}, Qualifier::City, false},
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (const Suffixes& group : kSuffixes) {
            for (std::string_view w : group.words) {
                if (!endsWithWord(s, w)) continue;
                s.erase(s.size() - w.size() - 1);
                if (group.overrides || key.qualifier == Qualifier::None) key.qualifier = group.qualifier;
                changed = true;
                break;
            }
            if (changed) break;
        }
    }
    key.base = std::move(s);
    return key;
}

NameKey nameKey(std::string_view written) { return nameKeyFromFolded(foldName(written)); }

SplitName splitWrittenName(std::string_view written) {
    SplitName out{written, {}};
    if (const size_t comma = written.find(','); comma != std::string_view::npos && comma > 0) {
        out.context = std::string(written.substr(comma + 1));
        out.name = written.substr(0, comma);
    }
    // Possessive owner: ASCII apostrophe or U+2019, followed by "s ".
    for (std::string_view mark : {std::string_view("'s "), std::string_view("\xE2\x80\x99s ")}) {
        const size_t at = out.name.find(mark);
        if (at != std::string_view::npos && at > 0 && at + mark.size() < out.name.size()) {
            out.context += " " + std::string(out.name.substr(0, at));
            out.name = out.name.substr(at + mark.size());
            break;
        }
    }
    return out;
}

}  // namespace briefmap::geo
