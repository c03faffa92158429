// Finds the places an article names and resolves each with the geocoder, using the whole document as
// context. A mention spans the name as written with its qualifiers ("Kursk border region", "Amur
// Oblast", "the Russian Far East"), without a possessive ("Russia’s" → "Russia"). Names of people
// and things that contain place names ("Vladimir Putin", "New York Times", "Moscow time",
// "Hwasong-11") are not mentions; demonyms ("North Korean") only on request.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "geo/geocoder.hpp"
#include "geo/text_tokens.hpp"

namespace briefmap::geo {

struct Mention {
    uint32_t start = 0, end = 0;  // UTF-8 byte offsets into the text, end exclusive
    uint32_t sentence = 0;        // index into GeoparseResult::text.sentences
    uint32_t place = 0;           // gazetteer index
    float confidence = 0;
    bool demonym = false;         // "North Korean" resolved to its country (only with includeDemonyms)
};

struct GeoparseOptions {
    bool includeDemonyms = false;
};

struct GeoparseResult {
    std::vector<Mention> mentions;  // in text order
    TokenizedText text;             // tokens and sentences (mentions point at sentences)
};

class Geoparser {
public:
    explicit Geoparser(const Geocoder& geocoder) : m_geocoder(geocoder) {}

    // Reuses `out`'s buffers: parsing many documents into one result allocates little.
    void parse(std::string_view text, const GeoparseOptions& options, GeoparseResult& out) const;
    GeoparseResult parse(std::string_view text, const GeoparseOptions& options = {}) const;

    const Geocoder& geocoder() const { return m_geocoder; }

private:
    const Geocoder& m_geocoder;
};

}  // namespace briefmap::geo
