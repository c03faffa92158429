// Place name → coordinates, offline: exact and transliteration-variant matches, then typo-tolerant
// ones, ranked the way a news reader means them: what kind of place (country, capital, region,
// facility…), how big, and what the surrounding text says (countries, regions and places it names,
// words like "cosmodrome") or a country hint.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer.hpp"
#include "geo/place_name.hpp"

namespace briefmap::geo {

struct GeocodeOptions {
    std::string_view context;  // a sentence or a whole article; may be empty
    std::string countryHint;   // ISO 3166-1 alpha-2, may be empty
    int top = 5;               // runner-up candidates to return
};

struct GeocodeCandidate {
    uint32_t place = 0;
    double score = 0;
    double quality = 0;  // how well the name matched: 1 exact … ~0.5 two typos
    bool typo = false;   // matched only by the typo-tolerant index: a suggestion, not an answer
};

// No place name is longer: a longer query is not looked up (it is not found, with a reason).
inline constexpr size_t kMaxQueryBytes = 256;

struct GeocodeResult {
    std::string query;
    bool tooLong = false;  // longer than kMaxQueryBytes: not looked up
    std::optional<GeocodeCandidate> best;
    double confidence = 0;
    std::vector<GeocodeCandidate> runnersUp;
    std::vector<std::string> suggestions;  // when nothing matched: names close to the query
};

// A notable place the context names, as the geocoder resolved it on its own.
struct ContextMention {
    std::string key;      // folded name as written (a query never counts as its own context)
    std::string country;  // ISO2
    bool admin1 = false;  // an admin-1 region: places inside it gain
    bool hasPoint = false;
    float lat = 0, lon = 0;

    static ContextMention of(std::string key, const PlaceRecord& place);
};

// What a context says, found once and reused for every name geocoded against it.
struct GeocodeContext {
    std::vector<ContextMention> mentions;
    bool spaceCue = false, portCue = false;  // "cosmodrome", "launch"…; "port", "harbour"
};

class Geocoder {
public:
    explicit Geocoder(const Gazetteer& gazetteer) : m_gaz(gazetteer) {}

    GeocodeResult geocode(std::string_view name, const GeocodeOptions& options = {}) const;
    GeocodeResult geocode(std::string_view name, const GeocodeContext& context, const std::string& countryHint,
                          int top) const;
    // Names as written only (primary and alternate names, qualifiers split off; no transliteration
    // skeletons, no typos): what a geoparser needs, where a near-miss is another word, not a misspelt
    // place ("Peskov" is not Pskov).
    GeocodeResult geocodeExact(const NameKey& key, const GeocodeContext& context, int top = 0) const;
    GeocodeContext analyzeContext(std::string_view text) const;
    const Gazetteer& gazetteer() const { return m_gaz; }

private:
    void collect(const NameKey& key, std::vector<GeocodeCandidate>& out, bool allowFuzzy, bool allowSkeleton = true) const;
    void rank(std::vector<GeocodeCandidate>& candidates, const NameKey& key, const GeocodeContext& context,
              const std::string& countryHint, int top, GeocodeResult& result) const;
    double prior(const PlaceRecord& p) const;
    double score(const GeocodeCandidate& c, Qualifier qualifier, const GeocodeContext& context,
                 const std::string& countryHint, const std::string& queryKey) const;

    const Gazetteer& m_gaz;
};

}  // namespace briefmap::geo
