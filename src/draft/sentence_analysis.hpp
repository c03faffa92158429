// One sentence read for drafting: its words and clauses, the time phrases, quantities and reporting
// clauses in it, and the entities that can act or be acted on: places the geoparser found (resolved
// in the whole article's context), demonyms ("North Korean"), people (with the country the article
// ties them to), armed groups ("Wagner") and institutions ("the Kremlin").
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "draft/attribution.hpp"
#include "draft/date_phrases.hpp"
#include "draft/quantities.hpp"
#include "draft/words.hpp"
#include "geo/geoparser.hpp"

namespace briefmap::draft {

inline constexpr uint32_t kNoPlace = UINT32_MAX;

enum class EntityType : uint8_t { Place, Demonym, Person, Group, Institution };

struct Entity {
    size_t first = 0, end = 0;  // words
    EntityType type = EntityType::Place;
    std::string text;       // as written ("Kursk border region", "North Korean", "Sergei Shoigu")
    std::string placeName;  // the place it stands for, as the briefing names it ("" when unknown)
    uint32_t place = kNoPlace;  // gazetteer index of that place
    std::string country;    // ISO2 of that place ("" when unknown)
    bool countryLevel = false;  // the place is a country
    float confidence = 0;
};

// People the article ties to a country ("Russian Defense Minister Sergei Shoigu" → Shoigu: RU), by
// each word of their name, gathered over the whole article before sentences are read.
using PersonCountries = std::unordered_map<std::string, std::pair<std::string, uint32_t>>;  // word → (country name, place)

struct SentenceAnalysis {
    uint32_t index = 0;
    TextSpan span;
    std::vector<Word> words;
    std::vector<TimePhrase> times;
    std::vector<QuantityPhrase> quantities;
    std::vector<Attribution> attributions;
    std::vector<Entity> entities;  // in word order, not overlapping
    std::vector<int> entityAt;     // word → entity index, -1 for none
    std::vector<uint16_t> clause;  // word → clause number (clauses split at ; : dashes and conjunctions)

    const Entity* entityOf(size_t word) const {
        return word < entityAt.size() && entityAt[word] >= 0 ? &entities[static_cast<size_t>(entityAt[word])] : nullptr;
    }
    std::string textOf(std::string_view text, size_t first, size_t end) const;
};

struct ArticleContext {
    std::string_view text;
    model::PartialDate published;
    const geo::Geocoder* geocoder = nullptr;
    geo::GeoparseResult geoparse;     // the whole article, demonyms included
    PersonCountries people;
};

// Geoparses the article and gathers the people it ties to countries.
ArticleContext readArticleContext(std::string_view text, const model::PartialDate& published,
                                  const geo::Geocoder& geocoder);

SentenceAnalysis analyzeSentence(const ArticleContext& context, TextSpan span, uint32_t index);

// The gazetteer index of a place named in plain words ("Russia"), or kNoPlace.
uint32_t lookupPlace(const geo::Geocoder& geocoder, std::string_view name);

}  // namespace briefmap::draft
