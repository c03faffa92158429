#include "draft/sentence_analysis.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "core/text_fold.hpp"
#include "draft/event_words.hpp"
#include "geo/name_words.hpp"

namespace briefmap::draft {

namespace {

std::string stripArticle(std::string s) {
    for (std::string_view a : {"the ", "The "})
        if (s.starts_with(a)) return s.substr(a.size());
    return s;
}

// Words of titles and offices between a country and a person's name: "Russian Defense Minister
// Sergei Shoigu", "North Korea's leader Kim", "Navy Adm. Kim Myong Sik".
bool isOfficeWord(const Word& w) {
    static constexpr std::array<std::string_view, 24> kWords = {
        "defense", "defence", "foreign", "prime", "deputy", "navy", "army", "air", "force", "cabinet", "chief",
        "supreme", "top", "national", "security", "first", "vice", "state", "former", "then", "interior", "armed",
        "forces", "intelligence"};
    return geo::isPersonTitle(foldName(w.lower)) || std::find(kWords.begin(), kWords.end(), w.lower) != kWords.end();
}

bool isNameWord(const Word& w) {
    return w.capitalised() && !geo::isOrganisationWord(foldName(w.lower)) && !geo::isCommonWord(foldName(w.lower));
}

// Office words, and the full stop of an abbreviated one ("Adm.", "Gen.").
size_t skipOffices(const std::vector<Word>& words, size_t k, size_t& count) {
    count = 0;
    while (k < words.size() && count < 6) {
        if (isOfficeWord(words[k])) ++k, ++count;
        else if (words[k].punct('.') && count > 0 && words[k].start == words[k - 1].end) ++k;
        else break;
    }
    return k;
}

// A person's name: capitalised words, initials with their full stop ("Yuri V. Ushakov").
size_t nameRunEnd(const std::vector<Word>& words, size_t k, size_t limit) {
    size_t end = k;
    while (end < limit && end - k < 5) {
        const Word& w = words[end];
        if (w.punct('.') && end > k && words[end - 1].lower.size() == 1 && w.start == words[end - 1].end) {
            ++end;
            continue;
        }
        if (!isNameWord(w) || isOfficeWord(w) || !geo::demonymCountry(foldName(w.lower)).empty()) break;
        ++end;
    }
    while (end > k && words[end - 1].isPunct()) --end;
    return end;
}

// The country place (gazetteer index) of an ISO2 code, from a table built once.
uint32_t countryPlace(const geo::Gazetteer& gaz, std::string_view iso2) {
    static std::unordered_map<std::string, uint32_t> table;
    static const geo::Gazetteer* builtFor = nullptr;
    if (builtFor != &gaz) {
        table.clear();
        for (uint32_t i = 0; i < gaz.placeCount(); ++i) {
            const geo::PlaceRecord& p = gaz.place(i);
            if (p.kind != geo::PlaceKind::Country) continue;
            const std::string code(p.country, 2);
            // The most populous record wins where a code has several (territories).
            auto [it, inserted] = table.try_emplace(code, i);
            if (!inserted && gaz.place(it->second).population < p.population) it->second = i;
        }
        builtFor = &gaz;
    }
    const auto it = table.find(std::string(iso2));
    return it == table.end() ? kNoPlace : it->second;
}

// Words [i, i+n) as an armed group or an institution ("Wagner", "the Kremlin", "KCNA"), when they
// are one. Short names must be written as acronyms ("UN", "EU"): "Un" of "Kim Jong Un" is no UN.
std::optional<Entity> namedBody(const std::vector<Word>& words, size_t i, size_t n, std::string_view text,
                                const geo::Geocoder& geocoder) {
    std::string joined;
    for (size_t k = i; k < i + n; ++k) joined += (k > i ? " " : "") + words[k].lower;
    Entity e;
    e.first = i;
    e.end = i + n;
    e.text = std::string(text.substr(words[i].start, words[i + n - 1].end - words[i].start));
    if (std::string_view country = groupCountry(joined); !country.empty()) {
        e.type = EntityType::Group;
        e.placeName = std::string(country);
    } else if (std::string_view place = institutionPlace(joined); !place.empty()) {
        e.type = EntityType::Institution;
        e.placeName = std::string(place);
    } else {
        return std::nullopt;
    }
    const bool acronym = n == 1 && joined.size() <= 4;
    if (acronym && std::any_of(e.text.begin(), e.text.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return std::nullopt;
    e.place = lookupPlace(geocoder, e.placeName);
    if (e.place != kNoPlace) {
        const geo::PlaceRecord& r = geocoder.gazetteer().place(e.place);
        e.country = std::string(r.country, 2);
        e.countryLevel = r.kind == geo::PlaceKind::Country;
    }
    e.confidence = 0.8f;
    return e;
}

// Nouns after which a country name is its organisation: "U.S. forces", "U.S. military".
bool isActorNoun(std::string_view w) {
    static constexpr std::array<std::string_view, 21> kWords = {"forces", "military", "officials", "army", "navy",
                                                                "command", "government", "troops", "intelligence",
                                                                "administration", "authorities", "air", "defense",
                                                                "defence", "central", "special", "senate", "congress",
                                                                "house", "parliament", "embassy"};
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

struct MentionWords {
    size_t first, end;
    const geo::Mention* mention;
};

// Each mention as a word range of the sentence.
std::vector<MentionWords> mentionWords(const geo::GeoparseResult& parse, const std::vector<Word>& words, TextSpan span) {
    std::vector<MentionWords> out;
    const auto begin = std::lower_bound(parse.mentions.begin(), parse.mentions.end(), span.start,
                                        [](const geo::Mention& m, uint32_t at) { return m.start < at; });
    for (auto it = begin; it != parse.mentions.end() && it->start < span.end; ++it) {
        size_t first = 0;
        while (first < words.size() && words[first].end <= it->start) ++first;
        size_t end = first;
        while (end < words.size() && words[end].start < it->end) ++end;
        if (end > first) out.push_back({first, end, &*it});
    }
    return out;
}

}  // namespace

std::string SentenceAnalysis::textOf(std::string_view text, size_t first, size_t end) const {
    if (end <= first || end > words.size()) return {};
    return std::string(text.substr(words[first].start, words[end - 1].end - words[first].start));
}

uint32_t lookupPlace(const geo::Geocoder& geocoder, std::string_view name) {
    if (name.empty()) return kNoPlace;
    geo::GeocodeOptions options;
    options.top = 0;
    const geo::GeocodeResult r = geocoder.geocode(name, options);
    return r.best && !r.best->typo ? r.best->place : kNoPlace;
}

ArticleContext readArticleContext(std::string_view text, const model::PartialDate& published,
                                  const geo::Geocoder& geocoder) {
    ArticleContext c;
    c.text = text;
    c.published = published;
    c.geocoder = &geocoder;
    const geo::Geoparser parser(geocoder);
    geo::GeoparseOptions options;
    options.includeDemonyms = true;
    parser.parse(text, options, c.geoparse);
    const geo::Gazetteer& gaz = geocoder.gazetteer();
    // People tied to a country: "[country, demonym or institution] [office words] Name Name…" and
    // "Name Name, [country]'s [office words]".
    const std::vector<Word> words = splitWords(text, {0, static_cast<uint32_t>(text.size())});
    struct Anchor {
        size_t first, end;
        uint32_t country;
    };
    std::vector<Anchor> anchors;
    for (const MentionWords& m : mentionWords(c.geoparse, words, {0, static_cast<uint32_t>(text.size())})) {
        const uint32_t country = countryPlace(gaz, std::string_view(gaz.place(m.mention->place).country, 2));
        if (country != kNoPlace) anchors.push_back({m.first, m.end, country});
    }
    for (size_t i = 0; i < words.size(); ++i)
        if (words[i].capitalised())
            for (size_t n = 2; n >= 1; --n)
                if (i + n <= words.size())
                    if (std::optional<Entity> body = namedBody(words, i, n, text, geocoder); body && !body->country.empty()) {
                        anchors.push_back({i, i + n, countryPlace(gaz, body->country)});
                        break;
                    }
    const auto tie = [&](size_t from, size_t to, uint32_t country) {
        if (country == kNoPlace) return;
        for (size_t n = from; n < to; ++n)
            if (!words[n].isPunct() && words[n].lower.size() > 1)
                c.people.try_emplace(words[n].lower, std::string(gaz.placeName(country)), country);
    };
    for (const Anchor& a : anchors) {
        size_t offices = 0;
        const size_t k = skipOffices(words, a.end, offices);
        // "President of Russia Vladimir Putin": the title stands before the country.
        if (offices == 0 && a.first >= 2 && words[a.first - 1].lower == "of" && isOfficeWord(words[a.first - 2])) offices = 1;
        if (offices > 0) {
            const size_t nameEnd = nameRunEnd(words, k, words.size());
            if (nameEnd > k && !(nameEnd < words.size() && geo::isOrganisationWord(foldName(words[nameEnd].lower))))
                tie(k, nameEnd, a.country);
        }
        // Appositive: "Kim Jong Un, North Korea’s leader,"
        if (a.first >= 2 && words[a.first - 1].punct(',') && words[a.end - 1].possessive) {
            size_t officesAfter = 0;
            skipOffices(words, a.end, officesAfter);
            size_t nameStart = a.first - 1;
            while (nameStart > 0 && a.first - 1 - nameStart < 4 && isNameWord(words[nameStart - 1])) --nameStart;
            if (officesAfter > 0 && nameStart < a.first - 1) tie(nameStart, a.first - 1, a.country);
        }
    }
    return c;
}

SentenceAnalysis analyzeSentence(const ArticleContext& c, TextSpan span, uint32_t index) {
    SentenceAnalysis s;
    s.index = index;
    s.span = span;
    s.words = splitWords(c.text, span);
    s.times = findTimePhrases(c.text, s.words, c.published);
    s.quantities = findQuantities(c.text, s.words);
    s.attributions = findAttributions(c.text, s.words);
    s.entityAt.assign(s.words.size(), -1);
    const geo::Gazetteer& gaz = c.geocoder->gazetteer();
    const auto add = [&](Entity e) {
        for (size_t k = e.first; k < e.end; ++k)
            if (s.entityAt[k] >= 0) return;
        const int id = static_cast<int>(s.entities.size());
        for (size_t k = e.first; k < e.end; ++k) s.entityAt[k] = id;
        s.entities.push_back(std::move(e));
    };
    for (const MentionWords& m : mentionWords(c.geoparse, s.words, span)) {
        Entity e;
        e.first = m.first;
        e.end = m.end;
        e.text = std::string(c.text.substr(m.mention->start, m.mention->end - m.mention->start));
        const geo::PlaceRecord& rec = gaz.place(m.mention->place);
        e.country = std::string(rec.country, 2);
        e.confidence = m.mention->confidence;
        if (m.mention->demonym) {
            e.type = EntityType::Demonym;
            e.place = countryPlace(gaz, e.country);
            if (e.place == kNoPlace) e.place = m.mention->place;
            e.placeName = std::string(gaz.placeName(e.place));
            e.countryLevel = true;
        } else {
            e.type = EntityType::Place;
            e.place = m.mention->place;
            e.placeName = stripArticle(e.text);
            e.countryLevel = rec.kind == geo::PlaceKind::Country;
        }
        add(std::move(e));
    }
    // Groups, institutions and people among the capitalised words left.
    for (size_t i = 0; i < s.words.size(); ++i) {
        if (s.entityAt[i] >= 0 || !s.words[i].capitalised()) continue;
        size_t end = i;
        while (end < s.words.size() && end - i < 5 && s.entityAt[end] < 0 &&
               (s.words[end].capitalised() || (end > i && s.words[end].lower == "of" && end + 1 < s.words.size() &&
                                                s.words[end + 1].capitalised())))
            ++end;
        bool found = false;
        for (size_t n = std::min<size_t>(end - i, 4); n >= 1 && !found; --n) {
            if (std::optional<Entity> body = namedBody(s.words, i, n, c.text, *c.geocoder)) {
                found = true;
                add(std::move(*body));
            }
        }
        if (found) continue;
        // Plural demonyms the geoparser leaves out: "the Russians", "Ukrainians".
        if (s.words[i].lower.size() > 4 && s.words[i].lower.back() == 's') {
            const std::string singular = foldName(s.words[i].lower.substr(0, s.words[i].lower.size() - 1));
            if (const std::string_view country = geo::demonymCountry(singular); !country.empty()) {
                Entity e;
                e.type = EntityType::Demonym;
                e.first = i;
                e.end = i + 1;
                e.text = s.textOf(c.text, i, i + 1);
                e.place = lookupPlace(*c.geocoder, country);
                if (e.place != kNoPlace) {
                    e.placeName = std::string(gaz.placeName(e.place));
                    e.country = std::string(gaz.place(e.place).country, 2);
                    e.countryLevel = true;
                    e.confidence = 0.8f;
                    add(std::move(e));
                    continue;
                }
            }
        }
        // A country written as a modifier of an organisation ("U.S. forces", "Iran's Revolutionary
        // Guards" aside): the geoparser leaves such names out, but they say who acts.
        for (size_t n = 1; n <= 2 && i + n < s.words.size() && !found; ++n) {
            if (!isActorNoun(s.words[i + n].lower) || s.entityAt[i + n - 1] >= 0) continue;
            const std::string name = s.textOf(c.text, i, i + n);
            geo::GeocodeOptions options;
            options.top = 0;
            const geo::GeocodeResult r = c.geocoder->geocode(name, options);
            if (!r.best || r.best->typo || r.confidence <= 0.5 || gaz.place(r.best->place).kind != geo::PlaceKind::Country) continue;
            Entity e;
            e.type = EntityType::Demonym;
            e.first = i;
            e.end = i + n;
            e.text = name;
            e.place = r.best->place;
            e.placeName = std::string(gaz.placeName(e.place));
            e.country = std::string(gaz.place(e.place).country, 2);
            e.countryLevel = true;
            e.confidence = static_cast<float>(r.confidence);
            add(std::move(e));
            i += n - 1;
            found = true;
        }
        if (found) continue;
        // A person: a name the article tied to a country, or a capitalised run after a title.
        const bool afterTitle = i > 0 && (geo::isPersonTitle(foldName(s.words[i - 1].lower)) ||
                                          (s.words[i - 1].punct('.') && i > 1 && geo::isPersonTitle(foldName(s.words[i - 2].lower))));
        const size_t nameEnd = nameRunEnd(s.words, i, s.words.size());
        if (nameEnd == i) continue;
        const PersonCountries::const_iterator known = [&] {
            for (size_t k = i; k < nameEnd; ++k)
                if (auto it = c.people.find(s.words[k].lower); it != c.people.end() && s.words[k].lower.size() > 1) return it;
            return c.people.end();
        }();
        if (known == c.people.end() && !afterTitle) continue;
        Entity e;
        e.type = EntityType::Person;
        e.first = i;
        e.end = nameEnd;
        e.text = s.textOf(c.text, i, nameEnd);
        if (known != c.people.end()) {
            e.placeName = known->second.first;
            e.place = known->second.second;
            e.country = std::string(gaz.place(e.place).country, 2);
            e.countryLevel = true;
        }
        e.confidence = 0.7f;
        add(std::move(e));
        i = nameEnd - 1;
    }
    std::sort(s.entities.begin(), s.entities.end(), [](const Entity& a, const Entity& b) { return a.first < b.first; });
    std::fill(s.entityAt.begin(), s.entityAt.end(), -1);
    for (size_t e = 0; e < s.entities.size(); ++e)
        for (size_t k = s.entities[e].first; k < s.entities[e].end; ++k) s.entityAt[k] = static_cast<int>(e);
    // Clauses: split at ; : parentheses and dashes, and before a conjunction or relative word.
    s.clause.assign(s.words.size(), 0);
    uint16_t clause = 0;
    static constexpr std::array<std::string_view, 12> kClauseWords = {"which", "who", "while", "although", "though",
                                                                      "whereas", "because", "but", "where", "when",
                                                                      "as", "and"};
    for (size_t i = 0; i < s.words.size(); ++i) {
        const Word& w = s.words[i];
        const bool punctBreak = w.punct(';') || w.punct(':') || w.punct('(') || w.punct(')') || (w.punct('-') && i > 0);
        const bool afterComma = i > 0 && s.words[i - 1].punct(',');
        const bool conjunction = std::find(kClauseWords.begin(), kClauseWords.end(), w.lower) != kClauseWords.end();
        const bool strongConjunction = w.lower == "which" || w.lower == "while" || w.lower == "although" ||
                                       w.lower == "whereas" || w.lower == "but" || w.lower == "though";
        if (punctBreak || (conjunction && (afterComma || strongConjunction))) ++clause;
        s.clause[i] = clause;
    }
    return s;
}

}  // namespace briefmap::draft
