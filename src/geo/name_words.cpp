// Word lists for the geoparser: hash sets built on first use.
#include "geo/name_words.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace briefmap::geo {

namespace {

using WordSet = std::unordered_set<std::string_view>;

bool contains(const WordSet& set, std::string_view w) { return set.find(w) != set.end(); }

}  // namespace

bool isPersonTitle(std::string_view w) {
    static const WordSet kTitles = {
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "vice", "premier", "chancellor",
        "minister", "secretary", "ambassador", "envoy", "general", "gen", "marshal", "admiral", "adm", "colonel",
        "col", "lt", "lieutenant", "major", "maj", "captain", "capt", "sergeant", "sgt", "commander", "cmdr",
        "chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "leader", "king", "queen",
        "prince", "princess", "emperor", "pope", "senator", "sen", "rep", "representative", "governor", "gov",
        "mayor", "judge", "justice", "sir", "lord", "lady", "dame", "comrade", "director", "chief", "deputy",
        "aide", "adviser", "advisor", "official", "officials", "analyst", "professor", "gen", "sheikh", "saint",
        "patriarch", "archbishop", "bishop", "father", "rev", "reverend", "ceo", "speaker", "chairperson"};
    return contains(kTitles, w);
}

bool isOrganisationWord(std::string_view w) {
    static const WordSet kWords = {
        "times", "post", "journal", "herald", "tribune", "daily", "news", "newspaper", "agency", "ministry",
        "department", "council", "committee", "commission", "university", "college", "institute", "academy",
        "forum", "party", "army", "navy", "fleet", "force", "forces", "guard", "guards", "command", "group",
        "company", "corporation", "corp", "bank", "airlines", "airways", "railways", "club", "office", "service",
        "services", "embassy", "consulate", "foundation", "association", "organization", "organisation",
        "union", "exchange", "center", "centre", "institution", "society", "league", "alliance", "assembly",
        "parliament", "duma", "congress", "senate", "court", "bureau", "administration", "government",
        "telegraph", "gazette", "observer", "review", "broadcasting", "television", "tv", "radio", "press",
        "media", "network", "express", "standard", "star", "sun", "mail", "monitor", "inquirer", "economist",
        "quarterly", "affairs", "studies", "initiative", "project", "program", "programme", "fund", "brigade",
        "division", "regiment", "battalion", "corps", "cup", "games", "olympics", "federation", "declaration",
        "treaty", "accord", "protocol", "doctrine", "inc", "ltd", "co", "holdings", "group", "motors", "energy",
        "oil", "gas", "steel", "electronics", "industries", "shipbuilding", "aerospace", "dynamics", "systems",
        "cathedral", "church", "mosque", "temple", "hotel", "stadium", "school", "hospital", "prison",
        "festival", "expo", "conference", "show", "zoo", "museum", "library", "theatre", "theater"};
    return contains(kWords, w);
}

bool isLocatingWord(std::string_view w) {
    static const WordSet kWords = {"in", "near", "at", "from", "to", "into", "outside", "around", "toward", "towards",
                                   "across", "through", "via", "inside", "within", "between", "nearby", "beyond",
                                   "onto", "off", "along", "over", "reached", "entered", "captured", "liberated",
                                   "retook", "recaptured", "seized", "shelled", "struck", "hit", "attacked", "visited",
                                   "toured", "village", "town", "city", "settlement", "hamlet"};
    return contains(kWords, w);
}

bool isPlaceNoun(std::string_view w) {
    static const WordSet kWords = {"city", "town", "village", "settlement", "hamlet", "region", "province", "oblast",
                                   "district", "outskirts", "port", "capital", "suburbs", "suburb", "island",
                                   "islands", "state", "republic", "county", "prefecture", "territory", "coast",
                                   "borough", "municipality", "center", "centre", "area", "streets", "heart",
                                   "east", "west", "north", "south", "northeast", "northwest", "southeast",
                                   "southwest", "north-east", "parts", "part", "villages", "towns", "cities", "settlements", "regions",
                                   "provinces", "ports", "islands", "outskirt"};
    return contains(kWords, w);
}

QualifierWord qualifierWord(std::string_view w) {
    static const std::unordered_map<std::string_view, QualifierWord> kWords = {
        {"region", QualifierWord::Region},       {"oblast", QualifierWord::Region},
        {"province", QualifierWord::Region},     {"krai", QualifierWord::Region},
        {"kray", QualifierWord::Region},         {"prefecture", QualifierWord::Region},
        {"district", QualifierWord::Region},     {"county", QualifierWord::Region},
        {"governorate", QualifierWord::Region},  {"territory", QualifierWord::Region},
        {"okrug", QualifierWord::Region},        {"raion", QualifierWord::Region},
        {"border", QualifierWord::Border},       {"frontier", QualifierWord::Border},
        {"cosmodrome", QualifierWord::Site},     {"spaceport", QualifierWord::Site},
        {"airport", QualifierWord::Site},        {"airbase", QualifierWord::Site},
        {"peninsula", QualifierWord::Site},
    };
    const auto it = kWords.find(w);
    return it == kWords.end() ? QualifierWord::None : it->second;
}

bool isCommonWord(std::string_view w) {
    static const WordSet kWords = {
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "for", "of", "in", "on", "at", "to", "from",
        "by", "with", "without", "as", "if", "than", "then", "that", "this", "these", "those", "there", "here",
        "it", "its", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "who",
        "whom", "whose", "which", "what", "when", "where", "why", "how", "while", "since", "after", "before",
        "during", "despite", "although", "though", "because", "until", "unless", "once", "now", "today",
        "yesterday", "tomorrow", "also", "still", "even", "only", "just", "both", "each", "every", "all", "any",
        "some", "many", "much", "more", "most", "few", "several", "other", "another", "such", "no", "not",
        "among", "amid", "against", "about", "above", "below", "under", "over", "into", "through", "across",
        "after", "following", "according", "instead", "meanwhile", "however", "moreover", "furthermore",
        "ultimately", "finally", "later", "earlier", "last", "next", "first", "second", "third", "new", "old",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
        "thousands", "millions", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does",
        "did", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "said", "says",
        "asked", "told", "photos", "photo", "video", "analysis", "comment", "comments", "reply", "source",
        "sources", "report", "reports", "update", "breaking", "exclusive", "opinion", "editorial", "read",
        "more", "watch", "listen", "share", "advertisement", "related", "latest", "top", "home", "world",
        "politics", "business", "victory", "war", "peace", "talks", "summit", "secret", "warming", "isolated",
        "speculation", "analysts", "officials", "experts", "furthermore", "nearly", "almost", "around",
        "reportedly", "like", "unlike", "within", "beyond", "toward", "towards", "via", "per", "up", "down",
        "out", "off", "near", "inside", "outside", "behind", "beside", "besides", "between", "upon", "yes",
        "wants", "want", "extent", "cooperation", "return", "what", "leave", "post", "email", "required",
        "fields", "marked", "published", "assessment", "tomorrow", "brief"};
    return contains(kWords, w);
}

bool isNeverAPlaceAlone(std::string_view w) {
    static const WordSet kWords = {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "middle",
        "upper", "lower", "new", "old", "great", "little", "mr", "mrs", "ms", "kim", "putin", "trump", "biden",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "president", "minister", "state", "union", "republic", "federation", "kingdom", "empire", "council",
        "sea", "ocean", "river", "lake", "island", "islands", "city", "town", "village", "region", "victory",
        "liberty", "independence", "unity", "freedom", "justice", "hope", "faith", "glory", "reply", "comments",
        "source", "news", "post", "times", "god", "christ", "allah", "buddha", "jesus", "easter", "christmas",
        "ramadan", "ii", "iii", "iv", "a", "i", "un", "eu", "nato", "it"};
    return contains(kWords, w);
}

bool isOrganisationName(std::string_view w) {
    static const WordSet kNames = {"un", "united nations", "un security council", "security council", "nato", "eu",
                                   "european union", "asean", "brics", "opec", "g7", "g20", "iaea", "who", "imf"};
    return contains(kNames, w);
}

std::string_view demonymCountry(std::string_view w) {
    static const std::unordered_map<std::string_view, std::string_view> kDemonyms = {
        {"north korean", "North Korea"}, {"south korean", "South Korea"}, {"korean", "Korea"},
        {"russian", "Russia"}, {"soviet", "Russia"}, {"ukrainian", "Ukraine"}, {"american", "United States"},
        {"chinese", "China"}, {"japanese", "Japan"}, {"iranian", "Iran"}, {"indian", "India"},
        {"vietnamese", "Vietnam"}, {"belarusian", "Belarus"}, {"belarussian", "Belarus"},
        {"mongolian", "Mongolia"}, {"kazakh", "Kazakhstan"}, {"syrian", "Syria"}, {"israeli", "Israel"},
        {"palestinian", "Palestine"}, {"british", "United Kingdom"}, {"french", "France"},
        {"german", "Germany"}, {"polish", "Poland"}, {"turkish", "Turkey"}, {"italian", "Italy"},
        {"spanish", "Spain"}, {"canadian", "Canada"}, {"australian", "Australia"}, {"georgian", "Georgia"},
        {"armenian", "Armenia"}, {"azerbaijani", "Azerbaijan"}, {"moldovan", "Moldova"},
        {"lithuanian", "Lithuania"}, {"latvian", "Latvia"}, {"estonian", "Estonia"}, {"finnish", "Finland"},
        {"swedish", "Sweden"}, {"norwegian", "Norway"}, {"danish", "Denmark"}, {"dutch", "Netherlands"},
        {"belgian", "Belgium"}, {"swiss", "Switzerland"}, {"austrian", "Austria"}, {"czech", "Czechia"},
        {"slovak", "Slovakia"}, {"hungarian", "Hungary"}, {"romanian", "Romania"}, {"bulgarian", "Bulgaria"},
        {"serbian", "Serbia"}, {"croatian", "Croatia"}, {"greek", "Greece"}, {"cypriot", "Cyprus"},
        {"portuguese", "Portugal"}, {"irish", "Ireland"}, {"mexican", "Mexico"}, {"brazilian", "Brazil"},
        {"argentine", "Argentina"}, {"venezuelan", "Venezuela"}, {"cuban", "Cuba"}, {"pakistani", "Pakistan"},
        {"afghan", "Afghanistan"}, {"iraqi", "Iraq"}, {"saudi", "Saudi Arabia"}, {"egyptian", "Egypt"},
        {"libyan", "Libya"}, {"yemeni", "Yemen"}, {"qatari", "Qatar"}, {"emirati", "United Arab Emirates"},
        {"lebanese", "Lebanon"}, {"jordanian", "Jordan"}, {"taiwanese", "Taiwan"}, {"thai", "Thailand"},
        {"filipino", "Philippines"}, {"philippine", "Philippines"}, {"indonesian", "Indonesia"},
        {"malaysian", "Malaysia"}, {"singaporean", "Singapore"}, {"burmese", "Myanmar"},
        {"cambodian", "Cambodia"}, {"laotian", "Laos"}, {"bangladeshi", "Bangladesh"}, {"nepali", "Nepal"},
        {"uzbek", "Uzbekistan"}, {"tajik", "Tajikistan"}, {"kyrgyz", "Kyrgyzstan"}, {"turkmen", "Turkmenistan"},
        {"south african", "South Africa"}, {"nigerian", "Nigeria"}, {"ethiopian", "Ethiopia"},
        {"sudanese", "Sudan"}, {"eritrean", "Eritrea"}, {"somali", "Somalia"}, {"kenyan", "Kenya"},
        {"algerian", "Algeria"}, {"moroccan", "Morocco"}, {"tunisian", "Tunisia"}, {"chilean", "Chile"},
        {"colombian", "Colombia"}, {"peruvian", "Peru"},
        {"chechen", "Chechnya"}, {"crimean", "Crimea"}, {"siberian", "Siberia"}};
    const auto it = kDemonyms.find(w);
    return it == kDemonyms.end() ? std::string_view() : it->second;
}

}  // namespace briefmap::geo
