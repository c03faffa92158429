// The base map as loaded (countries with label anchors, coastlines and borders split, admin-1 lines
// and labels) kept in one binary file per content of the geodata files and build of briefmap, under
// the user's cache folder. A start then reads ~4 MB instead of loading GDAL and re-deriving it all: ~270 ms → ~10 ms.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "geo/basemap.hpp"

namespace briefmap::geo {

// loadBasemap(dir) through the cache: a cache file that is missing, unreadable, damaged or from
// other geodata or another format is ignored and rewritten (a failure to write is not an error).
Result<Basemap> loadBasemapCached(const std::string& dir);

// The binary form itself (exposed for tests): `key` identifies the inputs it was made from.
std::string serializeBasemap(const Basemap& map, uint64_t key);
std::optional<Basemap> deserializeBasemap(std::string_view bytes, uint64_t key);

}  // namespace briefmap::geo
