// Reads the close-up base map through the GDAL plugin and prepares it as the 1:50m map is prepared.
#include "geo/detail_map.hpp"

#include <cmath>
#include <filesystem>

#include "geo/gdal_plugin.hpp"

namespace briefmap::geo {

namespace {

constexpr const char* kFiles[] = {"countries-10m.fgb", "rivers-50m.fgb", "lakes-50m.fgb"};

// Paths as read keep world-atlas's ±360° jumps at the antimeridian: each vertex within 180° of the
// one before it, like the 1:50m admin-1 lines.
void unwrapPath(Ring& path) {
    for (size_t i = 1; i < path.size(); ++i) path[i].lon -= 360.0 * std::round((path[i].lon - path[i - 1].lon) / 360.0);
}

}  // namespace

bool detailAvailable(const std::string& dir) {
    std::error_code ec;
    for (const char* f : kFiles)
        if (!std::filesystem::is_regular_file(std::filesystem::path(dir) / f, ec)) return false;
    return true;
}

std::string detailGeodataDir(const std::string& geodataDir) {
    if (detailAvailable(geodataDir)) return geodataDir;
    return BRIEFMAP_DETAIL_DIR;
}

Result<DetailMap> loadDetailMap(const std::string& dir) {
    Result<const GdalApi*> gdal = gdalApi();
    if (!gdal) return gdal.error();
    DetailMap map;
    std::vector<Country> countries;
    if (Status s = (*gdal)->readCountries(dir + "/countries-10m.fgb", countries); !s) return s.error();
    for (Country& c : countries)
        for (Ring& r : c.rings) unwrapRing(r);
    splitCoastsAndBorders(countries, map.coastlines, map.countryBorders);
    for (Country& c : countries)
        for (Ring& r : c.rings) map.landRings.push_back(std::move(r));
    std::vector<Ring> rivers;
    if (Status s = (*gdal)->readLines(dir + "/rivers-50m.fgb", rivers); !s) return s.error();
    for (Ring& p : rivers) {
        unwrapPath(p);
        for (size_t i = 1; i < p.size(); ++i) map.rivers.push_back({p[i - 1], p[i]});
    }
    if (Status s = (*gdal)->readLines(dir + "/lakes-50m.fgb", map.lakes); !s) return s.error();
    for (Ring& r : map.lakes) unwrapRing(r);
    return map;
}

}  // namespace briefmap::geo
