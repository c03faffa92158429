// Opens a briefing from any supported file — briefing JSON, GeoJSON FeatureCollection, ACLED-style
// CSV — resolves its places with the geocoder and reports every problem with file, line:column and
// path. The one entry point the window, `export`, `validate` and `convert` share.
#pragma once
#include <string>

#include "geo/geocoder.hpp"
#include "model/briefing.hpp"
#include "model/diagnostic.hpp"

namespace briefmap::model {

enum class DataFormat { Briefing, GeoJson, Csv };

struct LoadedBriefing {
    Briefing briefing;
    DataFormat format = DataFormat::Briefing;
    Diagnostics problems;  // empty when the file is valid
    bool ok() const { return problems.empty(); }
};

inline constexpr size_t kMaxDataFileBytes = 256u << 20;

LoadedBriefing loadBriefingFile(const std::string& path, const geo::Geocoder& geocoder);
// The same with the default gazetteer (geo::Gazetteer::defaultPath()), loaded for this call.
LoadedBriefing loadBriefingFile(const std::string& path);

// Geocodes every place without coordinates; a place that does not resolve (or only to a typo-close
// name) is reported at the first path naming it.
void resolvePlaces(Briefing& briefing, const geo::Geocoder& geocoder, const std::vector<PlaceRef>& placePaths,
                   const std::string& file, Diagnostics& problems);

// $BRIEFMAP_BRIEFING, else the seed briefing in the source tree's assets/briefings/.
std::string defaultBriefingPath();

}  // namespace briefmap::model
