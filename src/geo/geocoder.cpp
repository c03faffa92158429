// Candidate gathering, scoring and context analysis.
#include "geo/geocoder.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "core/geo_types.hpp"
#include "core/text_fold.hpp"

namespace briefmap::geo {

namespace {

// Skeleton matches (transliteration variants) are worth much less than a name as written, so a big
// city never wins over a small place that bears exactly the name (Kazan vs Khasan).
constexpr double kQualityPrimary = 1.0, kQualityAlternate = 0.8, kQualitySkeleton = 0.6;
constexpr double kQualityFuzzy1 = 0.72, kQualityFuzzy2 = 0.55;

bool isRegionLike(PlaceKind k) { return k == PlaceKind::Admin1 || k == PlaceKind::Region || k == PlaceKind::Country; }
bool isSettlement(PlaceKind k) { return k == PlaceKind::Capital || k == PlaceKind::AdminSeat || k == PlaceKind::City; }

std::string countryOf(const PlaceRecord& p) { return std::string(p.country, 2); }
bool sameCountry(const PlaceRecord& p, std::string_view iso2) {
    return iso2.size() == 2 && p.country[0] == iso2[0] && p.country[1] == iso2[1];
}

// Words that are place names somewhere but, capitalised at a sentence start or in a title, rarely
// mean one in this kind of text.
const std::unordered_set<std::string>& contextStopwords() {
    static const std::unordered_set<std::string> words = {
        "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as", "but",
        "he", "she", "it", "they", "we", "his", "her", "its", "their", "this", "that", "these", "those", "there",
        "said", "says", "will", "would", "can", "could", "may", "might", "must", "also", "after", "before",
        "since", "during", "while", "when", "where", "which", "who", "what", "how", "why", "not", "no", "yes",
        "mr", "mrs", "ms", "president", "leader", "minister", "state", "media", "news", "agency", "war", "peace",
        "north", "south", "east", "west", "central", "new", "victory", "union", "comments", "post", "source",
        "analysis", "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "kim", "putin", "trump", "biden", "shoigu", "korean", "russian",
        "american", "ukrainian", "chinese", "japanese", "reply", "leave", "email", "officials", "army", "navy"};
    return words;
}

}  // namespace

ContextMention ContextMention::of(std::string key, const PlaceRecord& p) {
    ContextMention m;
    m.key = std::move(key);
    m.country = countryOf(p);
    m.admin1 = p.kind == PlaceKind::Admin1;
    m.hasPoint = p.kind != PlaceKind::Country;
    m.lat = p.lat;
    m.lon = p.lon;
    return m;
}

double Geocoder::prior(const PlaceRecord& p) const {
    const double pop = 0.3 * std::log10(static_cast<double>(p.population) + 1.0);
    // Curated rows exist because the news names them: never rank them like a hamlet.
    if (p.sourceAt && (p.kind == PlaceKind::City || p.kind == PlaceKind::AdminSeat)) return std::max(2.4, 1.2 + pop);
    switch (p.kind) {
    case PlaceKind::Country: return 4.2;
    case PlaceKind::Capital: return 2.2 + pop;
    case PlaceKind::AdminSeat: return (p.rank <= 1 ? 0.8 : p.rank == 2 ? 0.5 : 0.3) + pop;
    case PlaceKind::City: return pop - 0.2;
    case PlaceKind::Admin1: return 2.0;
    case PlaceKind::Region:
    case PlaceKind::Water: return 2.6;
    case PlaceKind::Facility:
    case PlaceKind::Landmark:
    case PlaceKind::Crossing:
    case PlaceKind::Port: return 3.2;
    }
    return 0;
}

void Geocoder::collect(const NameKey& key, std::vector<GeocodeCandidate>& out, bool allowFuzzy, bool allowSkeleton) const {
    out.clear();
    auto add = [&](uint32_t posting, double quality) {
        const uint32_t place = posting & kPostingPlaceMask;
        for (GeocodeCandidate& c : out)
            if (c.place == place) {
                c.quality = std::max(c.quality, quality);
                return;
            }
        out.push_back({place, 0, quality, false});
    };
    auto addKey = [&](std::string_view k, bool viaSkeleton) {
        const Gazetteer::Postings ps = m_gaz.lookup(k);
        for (const uint32_t* p = ps.begin; p != ps.end; ++p) {
            const bool skeleton = viaSkeleton || (*p & kPostingSkeleton);
            double quality = skeleton ? kQualitySkeleton : (*p & kPostingPrimary) ? kQualityPrimary : kQualityAlternate;
            if ((*p & kPostingQualified) && key.qualifier == Qualifier::None) quality *= 0.7;
            add(*p, quality);
        }
    };
    if (key.base.empty()) return;
    addKey(key.base, false);
    if (!allowSkeleton) return;
    // A skeleton match scores far below a written-name match, so it can only matter when every written
    // match is a weak place (Kyyiv: the oblast's alternate name vs the capital's variant spelling).
    const bool strongExact = std::any_of(out.begin(), out.end(), [&](const GeocodeCandidate& c) {
        return prior(m_gaz.place(c.place)) >= 2.9;
    });
    if (strongExact) return;
    const std::string skeleton = nameSkeleton(key.base);
    if (skeleton != key.base) addKey(skeleton, true);
    if (!out.empty() || !allowFuzzy) return;
    std::vector<std::pair<uint32_t, int>> near;
    m_gaz.fuzzy(skeleton, near);
    for (const auto& [k, d] : near) {
        const Gazetteer::Postings ps = m_gaz.postingsOfKey(k);
        for (const uint32_t* p = ps.begin; p != ps.end; ++p) add(*p, d <= 1 ? kQualityFuzzy1 : kQualityFuzzy2);
    }
    for (GeocodeCandidate& c : out) c.typo = true;
}

double Geocoder::score(const GeocodeCandidate& c, Qualifier qualifier, const GeocodeContext& ctx,
                       const std::string& countryHint, const std::string& queryKey) const {
    const PlaceRecord& p = m_gaz.place(c.place);
    double s = 4.0 * std::log(c.quality) + prior(p);
    if (qualifier == Qualifier::Region) s += isRegionLike(p.kind) ? 3.0 : -0.5;
    if (qualifier == Qualifier::City) s += isSettlement(p.kind) ? 2.0 : -0.5;
    if (qualifier == Qualifier::Site)
        s += p.kind == PlaceKind::Facility || p.kind == PlaceKind::Port || p.kind == PlaceKind::Crossing ? 2.0 : 0.0;
    if (!countryHint.empty()) s += sameCountry(p, countryHint) ? 4.0 : -0.5;
    // The briefing's own theatre: Russia–North Korea cooperation, the war in Ukraine and the powers
    // around it. A small nudge between namesakes (Artyom in Primorye, not the Caspian island).
    static constexpr std::string_view kTheatre[] = {"RU", "KP", "KR", "UA", "CN", "JP", "US", "BY", "MN", "VN"};
    if (p.sourceAt || std::any_of(std::begin(kTheatre), std::end(kTheatre), [&](std::string_view iso) { return sameCountry(p, iso); }))
        s += 0.6;
    bool inCountry = false, inAdmin1 = false;
    double near = 0;
    std::string admin1;
    for (const ContextMention& m : ctx.mentions) {
        // The name itself says nothing about which namesake is meant, but a region of that name does:
        // "the Donetsk region" puts a bare "Donetsk" in Ukraine, not in Rostov Oblast.
        if (m.key == queryKey && !m.admin1) continue;
        inCountry |= sameCountry(p, m.country);
        if (m.admin1 && p.admin1At) {
            if (admin1.empty()) admin1 = nameKey(m_gaz.text(p.admin1At)).base;
            inAdmin1 |= admin1 == m.key;
        }
        if (m.hasPoint) near = std::max(near, std::exp(-greatCircleKm({p.lon, p.lat}, {m.lon, m.lat}) / 300.0));
    }
    s += (inCountry ? 1.5 : 0.0) + (inAdmin1 ? 2.5 : 0.0) + 2.0 * near;
    if (ctx.spaceCue && p.kind == PlaceKind::Facility) s += 2.0;
    if (ctx.portCue && p.kind == PlaceKind::Port) s += 1.0;
    return s;
}

GeocodeContext Geocoder::analyzeContext(std::string_view text) const {
    GeocodeContext ctx;
    if (text.empty()) return ctx;
    // Words with their first byte (to tell capitalised words).
    struct Word {
        std::string folded;
        bool capitalised;
    };
    std::vector<Word> words;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80 && !std::isalnum(static_cast<unsigned char>(text[i])))
            ++i;
        const size_t start = i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) >= 0x80 || std::isalnum(static_cast<unsigned char>(text[i])) ||
                                   text[i] == '-' || text[i] == '\''))
            ++i;
        if (i == start) continue;
        const std::string_view w = text.substr(start, i - start);
        const auto first = static_cast<unsigned char>(w[0]);
        words.push_back({foldName(w), first >= 0x80 || std::isupper(first) != 0});
    }
    for (const Word& w : words) {
        if (w.folded == "cosmodrome" || w.folded == "spaceport" || w.folded == "launch" || w.folded == "satellite" ||
            w.folded == "rocket")
            ctx.spaceCue = true;
        if (w.folded == "port" || w.folded == "harbor" || w.folded == "harbour") ctx.portCue = true;
    }
    std::vector<GeocodeCandidate> candidates;
    const GeocodeContext none;
    for (size_t start = 0; start < words.size(); ++start) {
        if (!words[start].capitalised) continue;
        // Longest capitalised run first (up to 4 words, plus a trailing qualifier like "region").
        for (size_t n = std::min<size_t>(5, words.size() - start); n >= 1; --n) {
            std::string phrase;
            bool ok = true;
            for (size_t k = 0; k < n; ++k) {
                const Word& w = words[start + k];
                if (k > 0 && !w.capitalised && k + 1 != n) ok = false;  // only the last word may be lower case
                phrase += (k ? " " : "") + w.folded;
            }
            if (!ok) continue;
            const NameKey key = nameKeyFromFolded(phrase);
            if (key.base.size() < 4 || contextStopwords().count(key.base)) continue;
            collect(key, candidates, false);
            if (candidates.empty()) continue;
            const GeocodeCandidate* best = nullptr;
            double bestScore = -1e9;
            for (GeocodeCandidate& c : candidates) {
                if (c.quality < kQualityAlternate) continue;  // context mentions must be written names
                const double s = score(c, key.qualifier, none, "", key.base);
                if (s > bestScore) {
                    bestScore = s;
                    best = &c;
                }
            }
            if (!best) continue;
            const PlaceRecord& p = m_gaz.place(best->place);
            // Only names that are notable enough to be what the writer meant.
            if (p.kind == PlaceKind::City && p.population < 100000 && !p.sourceAt) continue;
            ctx.mentions.push_back(ContextMention::of(key.base, p));
            start += n - 1;
            break;
        }
    }
    return ctx;
}

GeocodeResult Geocoder::geocode(std::string_view name, const GeocodeOptions& options) const {
    return geocode(name, analyzeContext(options.context), options.countryHint, options.top);
}

GeocodeResult Geocoder::geocode(std::string_view written, const GeocodeContext& givenContext, const std::string& countryHint,
                                int top) const {
    GeocodeResult result;
    if (written.size() > kMaxQueryBytes) {
        size_t cut = kMaxQueryBytes;  // at a character boundary: the query is echoed as UTF-8
        while (cut > 0 && (static_cast<unsigned char>(written[cut]) & 0xC0) == 0x80) --cut;
        result.query = std::string(written.substr(0, cut));
        result.tooLong = true;
        return result;
    }
    result.query = std::string(written);
    // "Moscow, Idaho" / "Russia's Kursk region": the locating words join the context. A possessive is
    // only split off when the whole name is not a place ("Luhansk People's Republic" is one).
    SplitName split = splitWrittenName(written);
    if (split.name.size() != written.size() && written.find(',') == std::string_view::npos) {
        std::vector<GeocodeCandidate> whole;
        collect(nameKey(written), whole, false);
        if (!whole.empty()) split = {written, {}};
    }
    GeocodeContext extended;
    if (!split.context.empty()) {
        extended = analyzeContext(split.context);
        extended.mentions.insert(extended.mentions.end(), givenContext.mentions.begin(), givenContext.mentions.end());
        extended.spaceCue |= givenContext.spaceCue;
        extended.portCue |= givenContext.portCue;
    }
    const GeocodeContext& ctx = split.context.empty() ? givenContext : extended;
    const NameKey key = nameKey(split.name);
    thread_local std::vector<GeocodeCandidate> candidates;  // reused: no allocation per query
    collect(key, candidates, true);
    if (candidates.empty()) {
        // Suggestions: typo-tolerant matches of each word of a multi-word query.
        std::vector<std::pair<uint32_t, int>> near;
        size_t start = 0;
        while (start < key.base.size() && result.suggestions.size() < 5) {
            size_t end = key.base.find(' ', start);
            if (end == std::string::npos) end = key.base.size();
            m_gaz.fuzzy(nameSkeleton(key.base.substr(start, end - start)), near);
            for (const auto& [k, d] : near) {
                const Gazetteer::Postings ps = m_gaz.postingsOfKey(k);
                if (ps.begin != ps.end) result.suggestions.emplace_back(m_gaz.placeName(*ps.begin & kPostingPlaceMask));
                if (result.suggestions.size() >= 5) break;
            }
            start = end + 1;
        }
        return result;
    }
    rank(candidates, key, ctx, countryHint, top, result);
    return result;
}

void Geocoder::rank(std::vector<GeocodeCandidate>& candidates, const NameKey& key, const GeocodeContext& ctx,
                    const std::string& countryHint, int top, GeocodeResult& result) const {
    for (GeocodeCandidate& c : candidates) c.score = score(c, key.qualifier, ctx, countryHint, key.base);
    std::sort(candidates.begin(), candidates.end(), [](const GeocodeCandidate& a, const GeocodeCandidate& b) {
        return a.score > b.score;
    });
    double sum = 0;
    for (const GeocodeCandidate& c : candidates) sum += std::exp(c.score - candidates[0].score);
    result.best = candidates[0];
    result.confidence = candidates[0].quality / sum;
    for (size_t i = 1; i < candidates.size() && static_cast<int>(result.runnersUp.size()) < top; ++i)
        result.runnersUp.push_back(candidates[i]);
}

GeocodeResult Geocoder::geocodeExact(const NameKey& key, const GeocodeContext& context, int top) const {
    GeocodeResult result;
    thread_local std::vector<GeocodeCandidate> candidates;
    collect(key, candidates, false, false);
    if (!candidates.empty()) rank(candidates, key, context, {}, top, result);
    return result;
}

}  // namespace briefmap::geo
