// Source parsing, name filtering, key folding and the binary writer.
#include "geo/gazetteer_builder.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "core/atomic_file.hpp"
#include "core/text_fold.hpp"
#include "geo/gazetteer.hpp"
#include "geo/place_name.hpp"

namespace briefmap::geo {

namespace {

struct BuildPlace {
    float lat = 0, lon = 0;
    uint32_t population = 0;
    std::string name, admin1, country, source;
    std::string native;  // in the country's own script, when it writes Cyrillic or Hangul
    PlaceKind kind = PlaceKind::City;
    uint8_t rank = 0;
    std::vector<std::string> names;  // names[0] is the primary name
    bool notable = false;            // gets typo-tolerant (fuzzy) keys
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::stringstream ss(s);
    while (std::getline(ss, part, sep)) out.push_back(part);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

// Code points of a UTF-8 string (validated by the caller).
std::u32string codePoints(const std::string& n) {
    std::u32string out;
    for (size_t i = 0; i < n.size();) {
        const auto c = static_cast<unsigned char>(n[i]);
        char32_t cp = c;
        const int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : 3;
        if (extra) cp = c & (0x3F >> extra);
        for (int k = 1; k <= extra && i + static_cast<size_t>(k) < n.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(n[i + static_cast<size_t>(k)]) & 0x3F);
        i += static_cast<size_t>(extra) + 1;
        out.push_back(cp);
    }
    return out;
}

// Keeps names people write in the briefing's scripts: Latin, Cyrillic, Hangul; no codes or numbers.
bool usefulName(const std::string& n) {
    if (n.size() < 2 || n.size() > 80 || !isValidUtf8(n)) return false;
    bool allUpperAscii = true;
    for (const char32_t cp : codePoints(n)) {
        if (cp >= '0' && cp <= '9') return false;
        if (cp >= 'a' && cp <= 'z') allUpperAscii = false;
        const bool ok = cp < 0x250 || (cp >= 0x2B0 && cp < 0x370) || (cp >= 0x1E00 && cp < 0x1F00) ||
                        (cp >= 0x400 && cp < 0x530) || (cp >= 0xAC00 && cp < 0xD7B0) || (cp >= 0x2010 && cp < 0x2020);
        if (!ok) return false;
        if (cp >= 0x80) allUpperAscii = false;
    }
    return !(allUpperAscii && n.size() <= 4);  // IATA/ICAO codes
}

// The language a country writes its place names in, among the scripts the labels carry.
const char* nativeLanguage(const std::string& country) {
    if (country == "RU") return "ru";
    if (country == "UA") return "uk";
    if (country == "KP" || country == "KR") return "ko";
    return nullptr;
}

// A GeoNames alternate name in the country's script. GeoNames does not tag languages here, so among
// the names written purely in that script the one that reads most like the primary (romanized) name
// wins: Харків over Харьков for Kharkiv, Москва over Масква for Moscow.
std::string nativeAlternate(const std::string& country, const std::vector<std::string>& names) {
    const char* language = nativeLanguage(country);
    if (!language || names.empty()) return {};
    const bool korean = std::string_view(language) == "ko";
    const bool ukrainian = std::string_view(language) == "uk";
    // The alphabet itself: Russian has ё ъ ы э and none of і ї є ґ; Ukrainian the reverse. Other
    // Cyrillic alphabets (Belarusian ў, Kazakh ә…) are out.
    const auto inAlphabet = [&](char32_t cp) {
        if (korean) return cp >= 0xAC00 && cp < 0xD7B0;
        const bool basic = cp >= 0x410 && cp < 0x450;
        const bool russianOnly = cp == 0x401 || cp == 0x451 || cp == 0x42A || cp == 0x44A || cp == 0x42B || cp == 0x44B ||
                                 cp == 0x42D || cp == 0x44D;
        const bool ukrainianOnly = cp == 0x406 || cp == 0x456 || cp == 0x407 || cp == 0x457 || cp == 0x404 ||
                                   cp == 0x454 || cp == 0x490 || cp == 0x491;
        if (ukrainian) return (basic && !russianOnly) || ukrainianOnly;
        return basic || cp == 0x401 || cp == 0x451;
    };
    const std::string primary = foldName(names.front());
    std::vector<std::pair<std::string, int>> candidates;  // in GeoNames order, with their distance
    int bestDistance = 1 << 20;
    for (const std::string& n : names) {
        bool pure = true, script = false;
        bool ukrainianLetter = false, softSign = false;  // between equally close forms, the Ukrainian spelling
        for (char32_t cp : codePoints(n)) {
            const bool letter = inAlphabet(cp);
            script |= letter;
            pure &= letter || cp == ' ' || cp == '-' || cp == '\'' || cp == 0x2019;
            ukrainianLetter |= cp == 0x456 || cp == 0x457 || cp == 0x454 || cp == 0x491;
            softSign |= cp == 0x44C;
        }
        if (!pure || !script) continue;
        // Distances are scaled so Ukrainian letters break a tie without beating a closer name.
        const int d = 4 * editDistance(foldName(n), primary, 64) - (ukrainian ? 2 * ukrainianLetter + softSign : 0);
        candidates.emplace_back(n, d);
        bestDistance = std::min(bestDistance, d);
    }
    // Ukrainian and Korean primary names are romanizations of the native name: the closest wins
    // (Харків, Львів, 청진). Russian ones are often English exonyms (Moscow): there, the first of the
    // nearly closest, as GeoNames lists the established forms before dialect ones (Москва, not Москох).
    const int slack = ukrainian || korean ? 0 : 4;
    std::string best;
    for (const auto& [n, d] : candidates)
        if (d <= bestDistance + slack) {
            best = n;
            break;
        }
    return best;
}

Result<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": cannot open"};
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

PlaceKind geonamesKind(const std::string& code, uint8_t& rank) {
    rank = 0;
    if (code == "PPLC") return PlaceKind::Capital;
    if (code == "PPLA" || code == "PPLG") { rank = 1; return PlaceKind::AdminSeat; }
    if (code.size() == 5 && code.rfind("PPLA", 0) == 0) { rank = static_cast<uint8_t>(code[4] - '0'); return PlaceKind::AdminSeat; }
    return PlaceKind::City;
}

Status readCities(const GazetteerSources& src, std::vector<BuildPlace>& places) {
    Result<std::string> codes = readFile(src.admin1CodesJson);
    if (!codes) return codes.error();
    std::unordered_map<std::string, std::string> admin1Names;
    try {
        for (const auto& row : nlohmann::json::parse(codes.value()))
            admin1Names[row.at("code").get<std::string>()] = row.at("name").get<std::string>();
    } catch (const std::exception& e) {
        return Error{src.admin1CodesJson + ": " + e.what()};
    }
    std::ifstream in(src.citiesTsv);
    if (!in) return Error{src.citiesTsv + ": cannot open"};
    std::string line;
    size_t lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        const std::vector<std::string> f = split(line, '\t');
        if (places.size() >= kPostingPlaceMask) return Error{src.citiesTsv + ": too many places"};
        if (f.size() < 15) return Error{src.citiesTsv + ":" + std::to_string(lineNo) + ": expected 19 columns"};
        const std::string& code = f[7];
        if (code == "PPLH" || code == "PPLQ" || code == "PPLW" || code == "PPLCH") continue;  // historical, abandoned
        BuildPlace p;
        p.lat = std::strtof(f[4].c_str(), nullptr);
        p.lon = std::strtof(f[5].c_str(), nullptr);
        p.population = static_cast<uint32_t>(std::strtoul(f[14].c_str(), nullptr, 10));
        p.country = f[8];
        p.kind = geonamesKind(code, p.rank);
        auto a1 = admin1Names.find(f[8] + "." + f[10]);
        if (a1 != admin1Names.end()) p.admin1 = a1->second;
        p.name = f[1];
        p.names.push_back(f[1]);
        if (f[2] != f[1]) p.names.push_back(f[2]);
        for (const std::string& alt : split(f[3], ','))
            if (usefulName(alt)) p.names.push_back(alt);
        p.native = nativeAlternate(p.country, p.names);
        p.notable = p.population >= 15000 || p.kind == PlaceKind::Capital || (p.kind == PlaceKind::AdminSeat && p.rank == 1);
        places.push_back(std::move(p));
    }
    return Done{};
}

Status readAdmin1(const GazetteerSources& src, std::vector<BuildPlace>& places) {
    Result<std::string> text = readFile(src.admin1GeoJson);
    if (!text) return text.error();
    try {
        const nlohmann::json doc = nlohmann::json::parse(text.value());  // named: the loop borrows from it
        for (const auto& f : doc.at("features")) {
            const auto& pr = f.at("properties");
            auto str = [&](const char* k) { return pr.contains(k) && pr[k].is_string() ? pr[k].get<std::string>() : std::string(); };
            BuildPlace p;
            p.kind = PlaceKind::Admin1;
            p.lat = pr.at("latitude").get<float>();
            p.lon = pr.at("longitude").get<float>();
            p.country = str("iso_a2");
            // The primary key is Natural Earth's `name`; name_en is only an alternate (for DC it says
            // "Washington") and the display name when it merely adds the type ("Kursk" → "Kursk Oblast").
            const std::string name = str("name"), nameEn = str("name_en");
            p.name = !nameEn.empty() && nameEn.rfind(name, 0) == 0 ? nameEn : name;
            p.admin1 = p.name;
            p.names.push_back(name);
            for (const char* k : {"name_en", "name_ru", "name_uk", "name_ko", "gn_name", "woe_name"})
                if (!str(k).empty() && usefulName(str(k))) p.names.push_back(str(k));
            for (const std::string& alt : split(str("name_alt"), '|'))
                if (usefulName(alt)) p.names.push_back(alt);
            if (const char* language = nativeLanguage(p.country)) p.native = str((std::string("name_") + language).c_str());
            p.notable = true;
            places.push_back(std::move(p));
        }
    } catch (const std::exception& e) {
        return Error{src.admin1GeoJson + ": " + e.what()};
    }
    return Done{};
}

Status readCountries(const GazetteerSources& src, std::vector<BuildPlace>& places) {
    Result<std::string> text = readFile(src.countriesJson);
    if (!text) return text.error();
    // A country's point is its capital (or largest place): inside the country, where news is made.
    std::unordered_map<std::string, const BuildPlace*> anchor;
    for (const BuildPlace& p : places) {
        if (p.kind == PlaceKind::Admin1) continue;
        const BuildPlace*& a = anchor[p.country];
        const auto score = [](const BuildPlace* x) { return (x->kind == PlaceKind::Capital ? 1e12 : 0) + x->population; };
        if (!a || score(&p) > score(a)) a = &p;
    }
    std::vector<BuildPlace> countries;
    try {
        for (const auto& c : nlohmann::json::parse(text.value())) {
            BuildPlace p;
            p.kind = PlaceKind::Country;
            p.country = c.at("country_a2").get<std::string>();
            p.name = c.at("country_name").get<std::string>();
            p.names.push_back(p.name);
            const auto& i18n = c.at("i18n");
            for (const char* lang : {"en", "ru", "uk", "ko", "de", "fr", "es", "it", "pl"})
                if (i18n.contains(lang) && usefulName(i18n[lang].get<std::string>())) p.names.push_back(i18n[lang].get<std::string>());
            if (const char* language = nativeLanguage(p.country); language && i18n.contains(language))
                p.native = i18n[language].get<std::string>();
            auto a = anchor.find(p.country);
            if (a == anchor.end()) continue;
            p.lat = a->second->lat;
            p.lon = a->second->lon;
            p.population = a->second->population;
            p.notable = true;
            countries.push_back(std::move(p));
        }
    } catch (const std::exception& e) {
        return Error{src.countriesJson + ": " + e.what()};
    }
    places.insert(places.end(), countries.begin(), countries.end());
    return Done{};
}

Status readCurated(const GazetteerSources& src, std::vector<BuildPlace>& places) {
    std::ifstream in(src.curatedTsv);
    if (!in) return Error{src.curatedTsv + ": cannot open"};
    static const std::map<std::string, PlaceKind> kinds = {
        {"country", PlaceKind::Country}, {"admin1", PlaceKind::Admin1},   {"capital", PlaceKind::Capital},
        {"city", PlaceKind::City},       {"facility", PlaceKind::Facility}, {"region", PlaceKind::Region},
        {"water", PlaceKind::Water},     {"crossing", PlaceKind::Crossing}, {"port", PlaceKind::Port},
        {"landmark", PlaceKind::Landmark}};
    std::string line;
    size_t lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> f = split(line, '\t');
        const std::string where = src.curatedTsv + ":" + std::to_string(lineNo);
        if (f.size() != 8) return Error{where + ": expected 8 tab-separated columns, got " + std::to_string(f.size())};
        if (f[7].empty()) return Error{where + ": every curated row needs a source note"};
        if (f[4] == "alias") {  // more names for a place already there: admin1 column = its name
            auto target = std::find_if(places.begin(), places.end(), [&](const BuildPlace& p) {
                return p.country == f[5] && p.name == f[6] && p.kind != PlaceKind::Country;
            });
            if (target == places.end()) return Error{where + ": no place '" + f[6] + "' in " + f[5] + " to alias"};
            target->names.push_back(f[0]);
            for (const std::string& alt : split(f[1], '|'))
                if (!alt.empty()) target->names.push_back(alt);
            continue;
        }
        if (f[4] == "alias-country") {  // more names for a country that is already there
            auto country = std::find_if(places.begin(), places.end(), [&](const BuildPlace& p) {
                return p.kind == PlaceKind::Country && p.country == f[5];
            });
            if (country == places.end()) return Error{where + ": no country '" + f[5] + "' to alias"};
            country->names.push_back(f[0]);
            for (const std::string& alt : split(f[1], '|'))
                if (!alt.empty()) country->names.push_back(alt);
            continue;
        }
        auto kind = kinds.find(f[4]);
        if (kind == kinds.end()) return Error{where + ": unknown kind '" + f[4] + "'"};
        char* end = nullptr;
        const double lat = std::strtod(f[2].c_str(), &end);
        if (*end || std::abs(lat) > 90) return Error{where + ": bad latitude '" + f[2] + "'"};
        const double lon = std::strtod(f[3].c_str(), &end);
        if (*end || std::abs(lon) > 180) return Error{where + ": bad longitude '" + f[3] + "'"};
        BuildPlace p;
        p.kind = kind->second;
        p.lat = static_cast<float>(lat);
        p.lon = static_cast<float>(lon);
        p.name = f[0];
        p.country = f[5];
        p.admin1 = f[6];
        p.source = f[7];
        p.names.push_back(f[0]);
        for (const std::string& alt : split(f[1], '|'))
            if (!alt.empty()) p.names.push_back(alt);
        p.notable = true;
        places.push_back(std::move(p));
    }
    return Done{};
}

}  // namespace

Status buildGazetteer(const GazetteerSources& src, const std::string& outPath, std::string& summary) {
    std::vector<BuildPlace> places;
    if (Status s = readCities(src, places); !s) return s;
    if (Status s = readCountries(src, places); !s) return s;
    if (Status s = readAdmin1(src, places); !s) return s;
    if (Status s = readCurated(src, places); !s) return s;

    std::string strings(1, '\0');
    std::unordered_map<std::string, uint32_t> interned;
    auto intern = [&](const std::string& s) -> uint32_t {
        if (s.empty()) return 0;
        auto [it, added] = interned.emplace(s, static_cast<uint32_t>(strings.size()));
        if (added) {
            strings += s;
            strings.push_back('\0');
        }
        return it->second;
    };

    // key text → postings
    std::unordered_map<std::string, std::vector<uint32_t>> keyPostings;
    std::vector<std::string> fuzzyKeys;
    std::vector<PlaceRecord> records;
    records.reserve(places.size());
    for (uint32_t i = 0; i < places.size(); ++i) {
        const BuildPlace& p = places[i];
        PlaceRecord r{};
        r.lat = p.lat;
        r.lon = p.lon;
        r.population = p.population;
        r.nameAt = intern(p.name);
        r.admin1At = intern(p.admin1);
        r.country[0] = p.country.size() > 0 ? p.country[0] : ' ';
        r.country[1] = p.country.size() > 1 ? p.country[1] : ' ';
        r.kind = p.kind;
        r.rank = p.rank;
        r.sourceAt = intern(p.source);
        r.nativeAt = intern(p.native);
        records.push_back(r);
        // Per place, each key once: a written name (primary or alternate) outranks a skeleton.
        std::map<std::string, uint32_t> written, skeletons;
        std::map<std::string, bool> bare;  // some name gives the key without a qualifier
        for (size_t n = 0; n < p.names.size(); ++n) {
            const NameKey k = nameKey(p.names[n]);
            if (k.base.empty()) continue;
            const uint32_t primary = n == 0 ? kPostingPrimary : 0;
            written[k.base] |= primary;
            bare[k.base] = bare[k.base] || k.qualifier == Qualifier::None;
            const std::string skeleton = nameSkeleton(k.base);
            if (skeleton != k.base) skeletons[skeleton] |= kPostingSkeleton | primary;
            // Typo tolerance for the names people actually write: primary and ASCII names of notable places.
            if (p.notable && n < 2) fuzzyKeys.push_back(skeleton);
        }
        for (const auto& [key, flags] : written) keyPostings[key].push_back(i | flags | (bare[key] ? 0 : kPostingQualified));
        for (const auto& [key, flags] : skeletons)
            if (!written.count(key)) keyPostings[key].push_back(i | flags);
    }

    std::vector<std::string> keyTexts;
    keyTexts.reserve(keyPostings.size());
    for (const auto& [k, _] : keyPostings) keyTexts.push_back(k);
    std::sort(keyTexts.begin(), keyTexts.end());
    std::vector<KeyRecord> keys;
    std::vector<uint32_t> postings;
    std::unordered_map<std::string, uint32_t> keyIndex;
    for (const std::string& k : keyTexts) {
        const std::vector<uint32_t>& ps = keyPostings[k];
        keyIndex[k] = static_cast<uint32_t>(keys.size());
        keys.push_back({intern(k), static_cast<uint32_t>(postings.size()), static_cast<uint32_t>(ps.size()),
                        static_cast<uint32_t>(hashKey(k))});
        postings.insert(postings.end(), ps.begin(), ps.end());
    }
    uint32_t slotCount = 1;
    while (slotCount < keys.size() * 2) slotCount <<= 1;
    std::vector<uint32_t> slots(slotCount, 0);
    for (uint32_t i = 0; i < keys.size(); ++i) {
        uint32_t slot = static_cast<uint32_t>(hashKey(keyTexts[i])) & (slotCount - 1);
        while (slots[slot]) slot = (slot + 1) & (slotCount - 1);
        slots[slot] = i + 1;
    }
    std::sort(fuzzyKeys.begin(), fuzzyKeys.end());
    fuzzyKeys.erase(std::unique(fuzzyKeys.begin(), fuzzyKeys.end()), fuzzyKeys.end());
    std::vector<DeleteEntry> deletes;
    for (const std::string& k : fuzzyKeys) {
        auto it = keyIndex.find(k);
        if (it == keyIndex.end() || k.size() < 4 || k.size() > 40) continue;
        deletes.push_back({hashKey(k), it->second, 0});
        std::string v;
        for (size_t i = 0; i < k.size(); ++i) {
            v.assign(k);
            v.erase(i, 1);
            deletes.push_back({hashKey(v), it->second, 0});
        }
    }
    std::sort(deletes.begin(), deletes.end(), [](const DeleteEntry& a, const DeleteEntry& b) {
        return a.hash != b.hash ? a.hash < b.hash : a.key < b.key;
    });
    deletes.erase(std::unique(deletes.begin(), deletes.end(),
                              [](const DeleteEntry& a, const DeleteEntry& b) { return a.hash == b.hash && a.key == b.key; }),
                  deletes.end());

    GazetteerHeader h{};
    std::memcpy(h.magic, "BMGAZ04", 8);
    h.placeCount = static_cast<uint32_t>(records.size());
    h.keyCount = static_cast<uint32_t>(keys.size());
    h.postingCount = static_cast<uint32_t>(postings.size());
    h.slotCount = slotCount;
    h.deleteCount = static_cast<uint32_t>(deletes.size());
    h.stringBytes = static_cast<uint32_t>(strings.size());
    std::vector<unsigned char> out(sizeof h);
    auto append = [&](const void* data, size_t bytes) {
        while (out.size() % 8) out.push_back(0);  // 8-byte aligned sections
        const uint64_t at = out.size();
        out.insert(out.end(), static_cast<const unsigned char*>(data), static_cast<const unsigned char*>(data) + bytes);
        return at;
    };
    h.placesAt = append(records.data(), records.size() * sizeof(PlaceRecord));
    h.keysAt = append(keys.data(), keys.size() * sizeof(KeyRecord));
    h.postingsAt = append(postings.data(), postings.size() * 4);
    h.slotsAt = append(slots.data(), slots.size() * 4);
    h.deletesAt = append(deletes.data(), deletes.size() * sizeof(DeleteEntry));
    h.stringsAt = append(strings.data(), strings.size());
    std::memcpy(out.data(), &h, sizeof h);
    summary = std::to_string(records.size()) + " places, " + std::to_string(keys.size()) + " keys, " +
              std::to_string(postings.size()) + " postings, " + std::to_string(deletes.size()) + " fuzzy entries, " +
              std::to_string(out.size() / 1024) + " KiB";
    return writeFileAtomically(outPath, out);
}

}  // namespace briefmap::geo
