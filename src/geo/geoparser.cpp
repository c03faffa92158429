// The geoparser: tokens → segments (longest gazetteer names, demonyms, titles, organisation words,
// unexplained name words) → rules that tell a place from a person or a thing → two-pass resolution
// (unambiguous places first, as the document's context, then every mention against it).
#include "geo/geoparser.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/text_fold.hpp"
#include "geo/name_words.hpp"
#include "geo/place_name.hpp"

namespace briefmap::geo {

namespace {

constexpr size_t kMaxNameTokens = 6;

enum class SegKind : uint8_t { Place, Demonym, Title, Organisation, Feature, NameWord, Common, Lower, Number };

struct Segment {
    uint32_t first = 0, last = 0;  // tokens [first, last)
    SegKind kind = SegKind::Lower;
    std::string phrase;            // Place: the folded name; Demonym: the country's name
    uint32_t spanEnd = 0;          // Place: last token of the mention, qualifiers included (exclusive)
    bool rejected = false;
    bool evidence = false;         // written where a location is expected ("in X", "the town of X")
    bool listOfRegions = false;    // "the Kursk and Belgorod regions": resolved as regions
};

struct WordStats {
    uint32_t lower = 0, capitalisedMidSentence = 0;
};

// Lower-case words that may sit inside a place name: "Sea of Japan", "Rostov-on-Don".
bool isNameConnector(std::string_view w) {
    static const std::unordered_set<std::string_view> kWords = {
        "of", "on", "upon", "the", "and", "de", "del", "da", "di", "du", "la", "le", "al", "el", "am", "an",
        "sur", "en", "na", "nad", "pod", "bin", "ri", "dong", "do", "gun", "si", "ni", "ku", "myon", "up"};
    return kWords.count(w) > 0;
}

// Capitalised words that extend a place name into a feature of it: "Amur River", "Kursk Oblast".
bool isFeatureWord(std::string_view w) {
    static const std::unordered_set<std::string_view> kWords = {
        "river", "sea", "lake", "mountains", "mountain", "peninsula", "strait", "gulf", "bay", "island",
        "islands", "valley", "desert", "canal", "bridge", "cosmodrome", "spaceport", "airport", "port", "harbor",
        "harbour", "base", "square", "palace", "border", "crossing", "region", "oblast", "province", "krai",
        "district", "county", "prefecture", "territory", "coast", "dam", "plant", "complex", "facility", "site",
        "range", "airfield", "shipyard", "railway", "reservoir", "basin", "plateau", "heights", "highway"};
    return kWords.count(w) > 0;
}

// Words after a hyphen that keep a place a place: "Seoul-based", "Russia-backed", "Kremlin-controlled".
bool isPlaceHyphenSuffix(std::string_view w) {
    static const std::unordered_set<std::string_view> kWords = {
        "based", "led", "backed", "born", "made", "run", "controlled", "occupied", "held", "bound", "era",
        "style", "funded", "supplied", "linked", "allied", "produced", "built", "designed", "friendly", "centric",
        "area", "region", "border", "type", "class", "owned", "operated", "registered", "flagged", "listed",
        "headquartered", "oriented", "like", "aligned", "leaning", "sponsored", "annexed", "bred", "wide"};
    return kWords.count(w) > 0;
}

bool isStrongKind(PlaceKind k) {
    return k == PlaceKind::Country || k == PlaceKind::Capital || k == PlaceKind::Admin1 || k == PlaceKind::Region ||
           k == PlaceKind::Water || k == PlaceKind::Facility || k == PlaceKind::Landmark ||
           k == PlaceKind::Crossing || k == PlaceKind::Port;
}

std::string countryCode(const PlaceRecord& p) { return std::string(p.country, 2); }

struct Resolved {
    bool found = false;
    uint32_t place = 0;
    float confidence = 0;
};

class DocumentParser {
public:
    DocumentParser(const Geocoder& geocoder, std::string_view text, const GeoparseOptions& options, GeoparseResult& out)
        : m_geo(geocoder), m_gaz(geocoder.gazetteer()), m_text(text), m_options(options), m_out(out),
          m_tokens(out.text.tokens) {}

    void run() {
        countWords();
        buildSegments();
        rejectNonPlaces();
        findEvidence();
        resolve();
    }

private:
    const Geocoder& m_geo;
    const Gazetteer& m_gaz;
    std::string_view m_text;
    const GeoparseOptions& m_options;
    GeoparseResult& m_out;
    const std::vector<Token>& m_tokens;
    std::vector<Segment> m_segments;
    std::unordered_map<std::string_view, WordStats> m_stats;

    bool atSentenceStart(const Token& t) const { return t.gap == Gap::Start || t.headline; }

    void countWords() {
        for (const Token& t : m_tokens) {
            WordStats& s = m_stats[t.folded];
            if (t.shape == TokenShape::Lower) ++s.lower;
            else if (t.shape == TokenShape::Capitalised && !atSentenceStart(t)) ++s.capitalisedMidSentence;
        }
    }

    bool knownName(const std::string& phrase) const {
        const NameKey key = nameKeyFromFolded(phrase);
        if (key.base.empty()) return false;
        const Gazetteer::Postings ps = m_gaz.lookup(key.base);
        return ps.begin != ps.end;
    }

    // The longest run of tokens from `i` that the gazetteer knows as a name, 0 if none.
    size_t longestPlace(size_t i, std::string& bestPhrase) const {
        const Token& first = m_tokens[i];
        if (first.folded == "the" || first.folded.empty()) return 0;
        std::string phrase;
        size_t best = 0;
        for (size_t j = i; j < m_tokens.size() && j < i + kMaxNameTokens; ++j) {
            const Token& t = m_tokens[j];
            if (j > i) {
                if (t.gap != Gap::Space && t.gap != Gap::Hyphen) break;
                const bool connector = t.shape == TokenShape::Lower && (isNameConnector(t.folded) || t.gap == Gap::Hyphen);
                if (!t.nameLike() && !connector) break;
                if (m_tokens[j - 1].possessive) phrase += 's';  // "Luhansk People's Republic" folds as "peoples"
                phrase += ' ';
            }
            phrase += t.folded;
            if (t.nameLike() && knownName(phrase)) {
                best = j - i + 1;
                bestPhrase = phrase;
            }
            if (t.possessive && j + 1 < m_tokens.size() && !m_tokens[j + 1].nameLike()) break;
        }
        if (best == 0 && inflectedPlace(first, bestPhrase)) best = 1;
        return best;
    }

    // Russian case endings and Korean particles: "в Пхеньяне", "평양에서" name Pyongyang.
    bool inflectedPlace(const Token& t, std::string& phrase) const {
        const std::string_view word = m_text.substr(t.start, t.end - t.start);
        if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return false;
        static constexpr std::string_view kEndings[] = {
            "ами", "ом", "ой", "ем", "ах", "ам", "ей", "е", "а", "у", "и", "ы", "ю", "я",
            "에서", "으로", "까지", "부터", "에게", "에", "의", "은", "는", "이", "가", "을", "를", "로", "와", "과", "도"};
        for (std::string_view ending : kEndings) {
            if (word.size() <= ending.size() + 3 || word.substr(word.size() - ending.size()) != ending) continue;
            std::string folded = foldName(word.substr(0, word.size() - ending.size()));
            if (!folded.empty() && knownName(folded)) {
                phrase = std::move(folded);
                return true;
            }
        }
        return false;
    }

    size_t longestDemonym(size_t i, std::string& country) const {
        const Token& t = m_tokens[i];
        if (!t.possessive && i + 1 < m_tokens.size() && m_tokens[i + 1].gap == Gap::Space && m_tokens[i + 1].nameLike()) {
            const std::string two = t.folded + ' ' + m_tokens[i + 1].folded;
            if (std::string_view c = demonymCountry(two); !c.empty()) {
                country = c;
                return 2;
            }
        }
        if (std::string_view c = demonymCountry(t.folded); !c.empty() && t.shape != TokenShape::Lower) {
            country = c;
            return 1;
        }
        return 0;
    }

    // A word the document also writes in lower case, or a common English word.
    bool isOrdinaryWord(const Token& t) const {
        if (isCommonWord(t.folded)) return true;
        const auto it = m_stats.find(t.folded);
        return it != m_stats.end() && it->second.lower > 0;
    }

    // A capitalised word that is no name: a sentence start or headline word the document also writes
    // in lower case, or a common word.
    bool isCommonCapital(const Token& t) const {
        if (t.shape == TokenShape::Uncased) return false;
        // After a dash, colon, quote or bracket a capitalised common word opens a new phrase:
        // "WASHINGTON (Reuters) - The United States…".
        if (!atSentenceStart(t))
            return (t.shape == TokenShape::AllCaps || t.gap == Gap::Punct) && isCommonWord(t.folded);
        const auto it = m_stats.find(t.folded);
        const WordStats s = it == m_stats.end() ? WordStats{} : it->second;
        return isCommonWord(t.folded) || s.lower > 0 || s.capitalisedMidSentence == 0;
    }

    void buildSegments() {
        m_segments.clear();
        for (size_t i = 0; i < m_tokens.size();) {
            const Token& t = m_tokens[i];
            Segment seg;
            seg.first = static_cast<uint32_t>(i);
            size_t length = 1;
            if (t.shape == TokenShape::Number) {
                seg.kind = SegKind::Number;
            } else if (t.shape == TokenShape::Lower) {
                seg.kind = isPersonTitle(t.folded) ? SegKind::Title : SegKind::Lower;
            } else if (t.shape == TokenShape::Initial) {
                // "N. Korea", "S. Korea" are names; "Vladimir V. Putin" is a person's initial.
                std::string phrase;
                length = longestPlace(i, phrase);
                seg.kind = length >= 2 ? SegKind::Place : SegKind::NameWord;
                if (length >= 2) seg.phrase = std::move(phrase);
                length = std::max<size_t>(length, 1);
            } else {
                std::string phrase, country;
                // The second part of a hyphenated word ("Soo-suk") starts no name of its own.
                size_t placeLength =
                    t.gap == Gap::Hyphen && i > 0 && !m_tokens[i - 1].nameLike() ? 0 : longestPlace(i, phrase);
                // "In Tokyo", "But Moscow": a sentence-initial ordinary word is no place even if some town bears it.
                if (placeLength == 1 && atSentenceStart(t) && isOrdinaryWord(t)) placeLength = 0;
                // "Bank", "Post", "Mayor": some village bears the name, but alone it is an organisation's
                // word or a title.
                if (placeLength == 1 && (isOrganisationWord(t.folded) || isPersonTitle(t.folded))) placeLength = 0;
                const size_t demonymLength = longestDemonym(i, country);
                // "Indian military": a demonym beats a small namesake town of the same length.
                if (placeLength > 0 && placeLength == demonymLength && !notableName(phrase)) placeLength = 0;
                if (placeLength > 0 && placeLength >= demonymLength) {
                    seg.kind = SegKind::Place;
                    seg.phrase = std::move(phrase);
                    length = placeLength;
                } else if (demonymLength > 0) {
                    seg.kind = SegKind::Demonym;
                    seg.phrase = std::move(country);
                    length = demonymLength;
                } else if (isPersonTitle(t.folded)) {
                    seg.kind = SegKind::Title;
                } else if (isOrganisationWord(t.folded) && !atSentenceStart(t)) {
                    seg.kind = SegKind::Organisation;
                } else if (isFeatureWord(t.folded)) {
                    seg.kind = SegKind::Feature;
                } else if (t.shape == TokenShape::Uncased) {
                    seg.kind = SegKind::Lower;  // no case, so no evidence of a name: an ordinary word
                } else if (isCommonCapital(t)) {
                    seg.kind = SegKind::Common;
                } else {
                    seg.kind = SegKind::NameWord;
                }
            }
            seg.last = static_cast<uint32_t>(i + length);
            seg.spanEnd = seg.last;
            m_segments.push_back(std::move(seg));
            i += length;
        }
    }

    // Whether segment b follows segment a with only a space or hyphen between, a not possessive.
    bool adjacent(size_t a, size_t b) const {
        if (b >= m_segments.size()) return false;
        const Token& firstOfB = m_tokens[m_segments[b].first];
        return !m_tokens[m_segments[a].last - 1].possessive && (firstOfB.gap == Gap::Space || firstOfB.gap == Gap::Hyphen);
    }
    Gap gapBefore(size_t s) const { return m_tokens[m_segments[s].first].gap; }

    // A name the gazetteer gives to a country, an admin-1 region, a capital or a big city.
    bool notableName(const std::string& phrase) const {
        const NameKey key = nameKeyFromFolded(phrase);
        const Gazetteer::Postings ps = m_gaz.lookup(key.base);
        for (const uint32_t* p = ps.begin; p != ps.end; ++p) {
            const PlaceRecord& r = m_gaz.place(*p & kPostingPlaceMask);
            if (r.kind == PlaceKind::Country || r.kind == PlaceKind::Admin1 || r.kind == PlaceKind::Capital ||
                r.population >= 100000)
                return true;
        }
        return false;
    }

    bool countryName(const std::string& phrase) const {
        const NameKey key = nameKeyFromFolded(phrase);
        const Gazetteer::Postings ps = m_gaz.lookup(key.base);
        for (const uint32_t* p = ps.begin; p != ps.end; ++p)
            if ((*p & kPostingPrimary) && m_gaz.place(*p & kPostingPlaceMask).kind == PlaceKind::Country) return true;
        return false;
    }

    void rejectNonPlaces() {
        std::unordered_set<std::string_view> personWords;
        for (size_t s = 0; s < m_segments.size(); ++s) {
            Segment& seg = m_segments[s];
            if (seg.kind != SegKind::Place) continue;
            const bool hasPrev = s > 0 && adjacent(s - 1, s);
            const bool hasNext = adjacent(s, s + 1);
            const Segment* prev = hasPrev ? &m_segments[s - 1] : nullptr;
            const Segment* next = hasNext ? &m_segments[s + 1] : nullptr;
            bool person = false;
            if (prev && (prev->kind == SegKind::Title || prev->kind == SegKind::NameWord)) person = true;
            if (next && next->kind == SegKind::NameWord) person = true;
            // "Xi Jinping": two names side by side are one name that is not a place; "Russia-Ukraine" is two.
            if (next && next->kind == SegKind::Place && gapBefore(s + 1) == Gap::Space) person = true;
            if (prev && prev->kind == SegKind::Place && gapBefore(s) == Gap::Space) person = true;
            if (isOrganisationName(nameKeyFromFolded(seg.phrase).base)) {
                seg.rejected = true;
                continue;
            }
            // "President of Russia Vladimir Putin": a country after a title's "of" is the place.
            const bool country = countryName(seg.phrase);
            if (person && country && seg.first >= 2 && m_tokens[seg.first - 1].folded == "of") person = false;
            if (person) {
                seg.rejected = true;
                // A country beside a name ("DD India") is no surname: its other mentions stand.
                if (!country)
                    for (uint32_t k = seg.first; k < seg.last; ++k) personWords.insert(m_tokens[k].folded);
                continue;
            }
            // Features extend the name: "Amur River", "Kursk Oblast" (a gazetteer name may already hold them).
            size_t after = s + 1;
            while (after < m_segments.size() && adjacent(after - 1, after) && m_segments[after].kind == SegKind::Feature &&
                   gapBefore(after) == Gap::Space)
                seg.spanEnd = m_segments[after++].last;
            // An organisation named after a place: "New York Times", "Korea Central News Agency".
            for (size_t k = s; k + 1 < m_segments.size() && adjacent(k, k + 1); ++k) {
                const SegKind kind = m_segments[k + 1].kind;
                if (kind == SegKind::Organisation) seg.rejected = true;
                if (kind == SegKind::Lower || kind == SegKind::Number || kind == SegKind::Common) break;
            }
            // "Bank of Russia", "University of Tokyo", "Voice of America": a name word before "of".
            if (s >= 2 && m_tokens[seg.first].gap == Gap::Space && m_tokens[seg.first - 1].folded == "of" &&
                (m_segments[s - 2].kind == SegKind::Organisation || m_segments[s - 2].kind == SegKind::NameWord) &&
                adjacent(s - 2, s - 1))
                seg.rejected = true;
            const uint32_t end = seg.spanEnd;
            if (end < m_tokens.size()) {
                const Token& t = m_tokens[end];
                // "Hwasong-11": a model named after a place.
                if (t.gap == Gap::Hyphen && t.shape == TokenShape::Number) seg.rejected = true;
                // "Lim Soo-suk": a hyphenated given name, not a place with a suffix.
                if (t.gap == Gap::Hyphen && t.shape == TokenShape::Lower && !isPlaceHyphenSuffix(t.folded) &&
                    !isNameConnector(t.folded) && !m_tokens[end - 1].possessive)
                    seg.rejected = true;
                // "Moscow time" is a time zone.
                if (t.gap == Gap::Space && !m_tokens[end - 1].possessive && (t.folded == "time" || t.folded == "standard"))
                    seg.rejected = true;
            }
            if (seg.last - seg.first == 1) {
                const Token& t = m_tokens[seg.first];
                if (isNeverAPlaceAlone(t.folded)) seg.rejected = true;
                if (atSentenceStart(t) && t.shape != TokenShape::AllCaps && t.shape != TokenShape::Acronym && isOrdinaryWord(t))
                    seg.rejected = true;
            }
        }
        // Surnames met in a person's name are that person elsewhere ("Peterson said"), unless written
        // where a location is expected.
        for (Segment& seg : m_segments)
            if (seg.kind == SegKind::Place && !seg.rejected && seg.last - seg.first == 1 &&
                personWords.count(m_tokens[seg.first].folded))
                seg.rejected = !locatingWordBefore(seg);
    }

    bool locatingWordBefore(const Segment& seg) const {
        if (seg.first == 0 || m_tokens[seg.first].gap == Gap::Start) return false;
        size_t k = seg.first - 1;
        if (m_tokens[k].folded == "the" && k > 0 && m_tokens[k].gap != Gap::Start) --k;
        const Token& before = m_tokens[k];
        if (before.shape != TokenShape::Lower) return false;
        if (isLocatingWord(before.folded)) return true;
        return before.folded == "of" && k > 0 && isPlaceNoun(m_tokens[k - 1].folded);
    }

    // Lower-case qualifiers that belong to the mention: "Kursk region", "Kursk border region".
    void extendQualifiers(Segment& seg) const {
        uint32_t end = seg.spanEnd;
        if (m_tokens[end - 1].possessive || end >= m_tokens.size()) return;
        const Token& t = m_tokens[end];
        if (t.gap != Gap::Space || t.shape != TokenShape::Lower) return;
        const QualifierWord q = qualifierWord(t.folded);
        if (isPluralRegionWord(t.folded)) {
            seg.spanEnd = end + 1;
            seg.listOfRegions = true;
        } else if (q == QualifierWord::Region || q == QualifierWord::Site) {
            seg.spanEnd = end + 1;
        } else if (q == QualifierWord::Border && end + 1 < m_tokens.size() && m_tokens[end + 1].gap == Gap::Space &&
                   qualifierWord(m_tokens[end + 1].folded) == QualifierWord::Region) {
            seg.spanEnd = end + 2;
        }
    }

    void findEvidence() {
        const Segment* lastPlace = nullptr;
        for (size_t s = 0; s < m_segments.size(); ++s) {
            Segment& seg = m_segments[s];
            if (seg.kind != SegKind::Place || seg.rejected) continue;
            extendQualifiers(seg);
            seg.evidence = locatingWordBefore(seg) || seg.spanEnd > seg.last;
            // Lists inherit: "in Sudzha, Korenevo and Plekhovo".
            if (!seg.evidence && lastPlace && lastPlace->evidence && seg.first >= 1 &&
                m_tokens[seg.first].sentence == m_tokens[lastPlace->first].sentence) {
                const bool comma = m_tokens[seg.first].gap == Gap::Comma && lastPlace->spanEnd == seg.first;
                const Token& before = m_tokens[seg.first - 1];
                const bool conj = (before.folded == "and" || before.folded == "or") && lastPlace->spanEnd + 1 >= seg.first;
                seg.evidence = comma || conj;
            }
            lastPlace = &seg;
            if (seg.listOfRegions) markListAsRegions(s);
        }
    }

    // Walks back over "X, Y and Z regions": each earlier name joined by a comma or "and" is a region too.
    void markListAsRegions(size_t s) {
        while (s >= 1) {
            const Token& first = m_tokens[m_segments[s].first];
            size_t prev = s - 1;
            if (first.gap == Gap::Space && m_segments[prev].kind == SegKind::Lower &&
                (m_tokens[m_segments[prev].first].folded == "and" || m_tokens[m_segments[prev].first].folded == "or") && prev >= 1)
                --prev;
            else if (first.gap != Gap::Comma)
                return;
            Segment& before = m_segments[prev];
            const bool joined = before.spanEnd == m_segments[prev + 1].first || before.spanEnd + 1 == m_segments[s].first;
            if (before.kind != SegKind::Place || before.rejected || !joined) return;
            before.listOfRegions = true;
            before.evidence = true;
            s = prev;
        }
    }

    std::string spanPhrase(const Segment& seg) const {
        std::string phrase = seg.phrase;
        for (uint32_t k = seg.last; k < seg.spanEnd; ++k)
            phrase += ' ' + (isPluralRegionWord(m_tokens[k].folded) ? std::string("region") : m_tokens[k].folded);
        if (seg.listOfRegions && seg.spanEnd == seg.last) phrase += " region";
        return phrase;
    }

    // A bare name shared by a region and its main city means the city in news prose ("Khabarovsk",
    // "New York"); the region is written with its qualifier ("Khabarovsk Krai", "New York state").
    Resolved resolveName(const NameKey& key, const GeocodeContext& context, bool regionMeant) const {
        const GeocodeResult r = m_geo.geocodeExact(key, context, 8);
        if (!r.best) return {};
        Resolved out{true, r.best->place, static_cast<float>(r.confidence)};
        const PlaceRecord& best = m_gaz.place(r.best->place);
        if (best.kind != PlaceKind::Admin1 || regionMeant || key.qualifier == Qualifier::Region) return out;
        for (const GeocodeCandidate& c : r.runnersUp) {
            const PlaceRecord& p = m_gaz.place(c.place);
            const bool settlement = p.kind == PlaceKind::Capital || p.kind == PlaceKind::AdminSeat || p.kind == PlaceKind::City;
            if (settlement && c.quality >= r.best->quality && p.country[0] == best.country[0] &&
                p.country[1] == best.country[1] && (p.population >= 100000 || (p.kind == PlaceKind::AdminSeat && p.rank == 1))) {
                out.place = c.place;
                break;
            }
        }
        return out;
    }

    // "Kremlin spokesman", "Kremlin foreign policy aide": a building named for its occupants' staff.
    bool personNounFollows(const Segment& seg) const {
        if (m_tokens[seg.spanEnd - 1].possessive) return false;
        for (uint32_t k = seg.spanEnd; k < m_tokens.size() && k < seg.spanEnd + 3; ++k) {
            const Token& t = m_tokens[k];
            if (t.gap != Gap::Space || t.shape != TokenShape::Lower) return false;
            if (isPersonTitle(t.folded)) return true;
        }
        return false;
    }

    void resolve();
};

void DocumentParser::resolve() {
    // Pass 1: each candidate on its own; the notable ones become the document's context.
    GeocodeContext context;
    std::unordered_set<std::string> countries;
    std::unordered_map<std::string, uint32_t> countryCounts;
    const GeocodeContext none;
    for (const Token& t : m_tokens) {
        if (t.folded == "cosmodrome" || t.folded == "spaceport" || t.folded == "launch" || t.folded == "satellite" ||
            t.folded == "rocket")
            context.spaceCue = true;
        if (t.folded == "port" || t.folded == "harbor" || t.folded == "harbour") context.portCue = true;
    }
    std::unordered_map<std::string, Resolved> alone;
    for (const Segment& seg : m_segments) {
        if (seg.kind == SegKind::Demonym) {
            const GeocodeResult r = m_geo.geocodeExact(nameKey(seg.phrase), none);
            if (r.best) countries.insert(countryCode(m_gaz.place(r.best->place)));
            continue;
        }
        if (seg.kind != SegKind::Place || seg.rejected) continue;
        const NameKey key = nameKeyFromFolded(spanPhrase(seg));
        auto [it, fresh] = alone.try_emplace(key.base);
        if (!fresh) continue;
        const Resolved r = resolveName(key, none, seg.listOfRegions);
        if (!r.found) continue;
        const PlaceRecord& p = m_gaz.place(r.place);
        it->second = r;
        const bool notable = isStrongKind(p.kind) || p.sourceAt || p.population >= 100000;
        if (!notable || r.confidence < 0.3) continue;
        countries.insert(countryCode(p));
        context.mentions.push_back(ContextMention::of(key.base, p));
    }

    // Pass 2: every candidate against the document; small places need a locating word and a country
    // the document names, and once one mention of a name passes, the name is a place throughout.
    struct Pending {
        const Segment* seg;
        NameKey key;
        Resolved r;
        bool accepted;
    };
    std::vector<Pending> pending;
    std::unordered_map<std::string, Resolved> resolved;
    std::unordered_set<std::string> acceptedNames;
    for (const Segment& seg : m_segments) {
        if (seg.kind != SegKind::Place || seg.rejected) continue;
        NameKey key = nameKeyFromFolded(spanPhrase(seg));
        auto [it, fresh] = resolved.try_emplace(key.base + char('0' + static_cast<int>(key.qualifier)));
        if (fresh) it->second = resolveName(key, context, seg.listOfRegions);
        Resolved r = it->second;
        if (!r.found) continue;
        const PlaceRecord& p = m_gaz.place(r.place);
        if (p.kind == PlaceKind::Landmark && personNounFollows(seg)) continue;
        // A gazetteer name that is an institution's ("Far Eastern Federal University"), not a state's ("Soviet Union").
        if (p.kind != PlaceKind::Country && seg.last - seg.first > 1 && isOrganisationWord(m_tokens[seg.last - 1].folded))
            continue;
        const bool inDocument = countries.count(countryCode(p)) > 0;
        const bool accepted = isStrongKind(p.kind) || p.sourceAt || (p.population >= 100000 && inDocument) ||
                              (seg.evidence && (inDocument || p.population >= 100000));
        // "AP", "TA", "UN": short capitals name a place only when they are a country's ("US", "UK").
        const Token& head = m_tokens[seg.first];
        if (seg.last - seg.first == 1 && p.kind != PlaceKind::Country &&
            (head.shape == TokenShape::Acronym || (head.shape == TokenShape::AllCaps && head.folded.size() <= 3)))
            continue;
        if (accepted) acceptedNames.insert(key.base);
        pending.push_back({&seg, std::move(key), r, accepted});
    }
    for (const Pending& pd : pending) {
        if (!pd.accepted && !acceptedNames.count(pd.key.base)) continue;
        const Segment& seg = *pd.seg;
        const PlaceRecord& p = m_gaz.place(pd.r.place);
        uint32_t startToken = seg.first;
        uint32_t endToken = seg.spanEnd;
        if (p.kind == PlaceKind::Country) endToken = seg.last;  // "Russia region" is no name: keep the country
        // "the" belongs to the proper names of regions and seas ("the Russian Far East", "the Black Sea"),
        // not to descriptions ("the Kursk border region").
        const bool properName = std::all_of(m_tokens.begin() + seg.first, m_tokens.begin() + endToken, [](const Token& t) {
            return t.nameLike() || isNameConnector(t.folded);
        });
        if ((p.kind == PlaceKind::Region || p.kind == PlaceKind::Water) && properName && startToken > 0 &&
            m_tokens[startToken].gap == Gap::Space && m_tokens[startToken - 1].folded == "the")
            --startToken;
        Mention m;
        m.start = m_tokens[startToken].start;
        m.end = m_tokens[endToken - 1].end;
        m.sentence = m_tokens[seg.first].sentence;
        m.place = pd.r.place;
        m.confidence = pd.r.confidence;
        m_out.mentions.push_back(m);
    }
    for (const Mention& m : m_out.mentions) countryCounts[countryCode(m_gaz.place(m.place))]++;

    if (m_options.includeDemonyms) {
        for (const Segment& seg : m_segments) {
            if (seg.kind != SegKind::Demonym) continue;
            std::string country = seg.phrase;
            if (country == "Korea") country = countryCounts["KR"] > countryCounts["KP"] ? "South Korea" : "North Korea";
            const GeocodeResult r = m_geo.geocodeExact(nameKey(country), none);
            if (!r.best) continue;
            Mention m;
            m.start = m_tokens[seg.first].start;
            m.end = m_tokens[seg.last - 1].end;
            m.sentence = m_tokens[seg.first].sentence;
            m.place = r.best->place;
            m.confidence = static_cast<float>(r.confidence);
            m.demonym = true;
            m_out.mentions.push_back(m);
        }
        std::sort(m_out.mentions.begin(), m_out.mentions.end(),
                  [](const Mention& a, const Mention& b) { return a.start < b.start; });
    }
}

}  // namespace

void Geoparser::parse(std::string_view text, const GeoparseOptions& options, GeoparseResult& out) const {
    out.mentions.clear();
    tokenize(text, out.text);
    DocumentParser(m_geocoder, text, options, out).run();
}

GeoparseResult Geoparser::parse(std::string_view text, const GeoparseOptions& options) const {
    GeoparseResult out;
    parse(text, options, out);
    return out;
}

}  // namespace briefmap::geo
