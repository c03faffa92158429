// The close-up base map: Natural Earth 1:10m countries (finer coastlines and borders once zoomed in)
// and 1:50m rivers and lakes, built into the build's geodata/ folder from pinned npm packages
// (scripts/build-detail-geodata.sh). Optional: without it the map keeps its 1:50m coast and no water.
#pragma once
#include <string>
#include <vector>

#include "geo/basemap.hpp"

namespace briefmap::geo {

struct DetailMap {
    std::vector<Ring> landRings;          // 1:10m country rings, unwrapped (even-odd fill)
    std::vector<Segment> coastlines;      // 1:10m
    std::vector<Segment> countryBorders;  // 1:10m
    std::vector<Ring> lakes;              // 1:50m lake rings (even-odd fill)
    std::vector<Segment> rivers;          // 1:50m rivers and lake centrelines
};

// Where the detail files are: `geodataDir` when it holds them (a user's own geodata), else the build's.
std::string detailGeodataDir(const std::string& geodataDir);
// Whether the detail files are there (no reading).
bool detailAvailable(const std::string& dir);
// Reads countries-10m.fgb, rivers-50m.fgb and lakes-50m.fgb from `dir`; errors name the file.
Result<DetailMap> loadDetailMap(const std::string& dir);

}  // namespace briefmap::geo
