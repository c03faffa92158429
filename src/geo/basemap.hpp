// The base map's vector data (countries, coastlines, borders, admin-1), read from geodata/ via GDAL.
#pragma once
#include <string>
#include <vector>

#include "core/geo_types.hpp"
#include "core/result.hpp"

namespace briefmap::geo {

struct Segment {
    LonLat a, b;
};

struct Country {
    std::string id;    // ISO 3166-1 numeric, as in Natural Earth
    std::string name;  // English
    std::vector<Ring> rings;  // unwrapped; outer rings and holes (even-odd fill)
    LonLat labelAnchor;       // pole of inaccessibility of the largest ring
    double labelArea = 0;     // cos-lat-weighted area of the largest ring, square degrees
};

struct RegionLabel {
    LonLat anchor;
    std::string name;        // English
    std::string nativeName;  // Russian/Ukrainian/Korean where the region's country writes so
    std::string countryIso2;
    int rank = 0;            // Natural Earth labelrank: lower shows first
};

struct Basemap {
    std::vector<Country> countries;
    std::vector<Segment> coastlines;       // country edges shared with no other country
    std::vector<Segment> countryBorders;   // edges shared by two countries
    std::vector<Segment> admin1Borders;    // internal admin-1 boundaries
    std::vector<RegionLabel> admin1Labels;
};

// Splits country outlines into coastlines (edges of one country) and borders (edges two share), in ring
// order so consecutive segments chain.
void splitCoastsAndBorders(const std::vector<Country>& countries, std::vector<Segment>& coastlines,
                           std::vector<Segment>& borders);

// The geodata folder: $BRIEFMAP_GEODATA, else the source tree's geodata/.
std::string defaultGeodataDir();

// Reads countries-50m.fgb, admin1-lines.fgb and admin1-labels.fgb (FlatGeobuf) from `dir`.
// Errors name the file and the reason.
Result<Basemap> loadBasemap(const std::string& dir);

}  // namespace briefmap::geo
