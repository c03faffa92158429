// GeoJSON FeatureCollections → the briefing model: Point features become events at a place,
// LineString features become flows along their vertices. Properties: id, name/place/location, time or
// start (and end), kind, cargo, summary/description/notes, quantity + unit, actors, attribution/source,
// status; from/to name a LineString's ends.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "model/briefing.hpp"
#include "model/diagnostic.hpp"

namespace briefmap::model {

void readGeoJson(const nlohmann::json& doc, const std::string& file, Briefing& out,
                 std::vector<PlaceRef>& placePaths, Diagnostics& problems);

// A date from imported data: "YYYY[-MM[-DD]]", an ISO date-time (its date part), or "02 January 2024".
Result<PartialDate> parseImportedDate(std::string_view text);

// Place for imported coordinates, named "51.73°N 36.19°E" when the data gives no name.
uint32_t placeAt(Briefing& out, std::string name, double lat, double lon, const std::string& why,
                 std::vector<PlaceRef>& placePaths, const std::string& path);

}  // namespace briefmap::model
