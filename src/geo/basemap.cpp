// Loads the base map (its files read by the GDAL plugin): unwraps the antimeridian, splits country
// outlines into coastlines and borders, and places country labels.
#include "geo/basemap.hpp"

#include <cmath>
#include <cstdlib>
#include <numbers>
#include <algorithm>

#include "geo/gdal_plugin.hpp"
#include "geo/polylabel.hpp"

namespace briefmap::geo {

namespace {

// An undirected edge keyed on its endpoints folded into [-180, 180): the same arc of two countries'
// TopoJSON outlines decodes to bit-identical coordinates, whatever unwrapping did to each ring.
struct EdgeKey {
    int64_t a, b;
    bool operator==(const EdgeKey&) const = default;
};

int64_t pointKey(LonLat p) {
    double lon = std::fmod(p.lon + 540.0, 360.0) - 180.0;
    const auto qx = static_cast<int64_t>(std::llround(lon * 1e6));
    const auto qy = static_cast<int64_t>(std::llround(p.lat * 1e6));
    return qx * 400'000'000LL + qy;
}

EdgeKey edgeKey(LonLat a, LonLat b) {
    int64_t ka = pointKey(a), kb = pointKey(b);
    if (ka > kb) std::swap(ka, kb);
    return {ka, kb};
}

double cosLatArea(const Ring& ring) {
    double lat = 0;
    for (const LonLat& p : ring) lat += p.lat;
    lat /= static_cast<double>(ring.size());
    return std::abs(signedArea(ring)) * std::cos(lat * std::numbers::pi / 180.0);
}

// Sorting the edges by key groups every shared edge into a run: runs of one are coastline, longer
// runs are borders (drawn once, by the run's first edge). Segments are then emitted in ring order, so
// consecutive segments form chains the renderer can simplify per zoom level.
}  // namespace

void splitCoastsAndBorders(const std::vector<Country>& countries, std::vector<Segment>& coastlines,
                           std::vector<Segment>& borders) {
    struct Entry {
        EdgeKey key;
        uint32_t index;  // position in ring order
    };
    std::vector<Segment> ordered;
    std::vector<Entry> edges;
    for (const Country& c : countries)
        for (const Ring& r : c.rings)
            for (size_t i = 1; i < r.size(); ++i) {
                if (std::abs(r[i].lat) >= 89.9 && std::abs(r[i - 1].lat) >= 89.9) continue;  // pole closure
                edges.push_back({edgeKey(r[i - 1], r[i]), static_cast<uint32_t>(ordered.size())});
                ordered.push_back({r[i - 1], r[i]});
            }
    std::sort(edges.begin(), edges.end(), [](const Entry& x, const Entry& y) {
        return x.key.a != y.key.a ? x.key.a < y.key.a : x.key.b < y.key.b;
    });
    enum : uint8_t { kSkip, kCoast, kBorder };
    std::vector<uint8_t> kind(ordered.size(), kSkip);
    for (size_t i = 0; i < edges.size();) {
        size_t j = i + 1;
        while (j < edges.size() && edges[j].key == edges[i].key) ++j;
        kind[edges[i].index] = j - i == 1 ? kCoast : kBorder;
        i = j;
    }
    for (size_t i = 0; i < ordered.size(); ++i) {
        if (kind[i] == kCoast) coastlines.push_back(ordered[i]);
        else if (kind[i] == kBorder) borders.push_back(ordered[i]);
    }
}

namespace {

// Unwraps each country's rings and places its label at the largest ring's pole of inaccessibility.
void prepareCountries(std::vector<Country>& read, Basemap& map) {
    for (Country& c : read) {
        const Ring* largest = nullptr;
        for (Ring& r : c.rings) {
            unwrapRing(r);
            const double a = cosLatArea(r);
            if (a > c.labelArea) {
                c.labelArea = a;
                largest = &r;
            }
        }
        if (!largest) continue;
        c.labelAnchor = poleOfInaccessibility(*largest);
        map.countries.push_back(std::move(c));
    }
}

}  // namespace

std::string defaultGeodataDir() {
    if (const char* env = std::getenv("BRIEFMAP_GEODATA"); env && *env) return env;
    return std::string(BRIEFMAP_SOURCE_DIR) + "/geodata";
}

Result<Basemap> loadBasemap(const std::string& dir) {
    Result<const GdalApi*> gdal = gdalApi();
    if (!gdal) return gdal.error();
    Basemap map;
    std::vector<Country> countries;
    if (Status s = (*gdal)->readCountries(dir + "/countries-50m.fgb", countries); !s) return s.error();
    prepareCountries(countries, map);
    std::vector<Ring> paths;
    if (Status s = (*gdal)->readLines(dir + "/admin1-lines.fgb", paths); !s) return s.error();
    for (Ring& p : paths) {
        for (size_t i = 1; i < p.size(); ++i) p[i].lon -= 360.0 * std::round((p[i].lon - p[i - 1].lon) / 360.0);
        for (size_t i = 1; i < p.size(); ++i) map.admin1Borders.push_back({p[i - 1], p[i]});
    }
    if (Status s = (*gdal)->readRegionLabels(dir + "/admin1-labels.fgb", map.admin1Labels); !s) return s.error();
    splitCoastsAndBorders(map.countries, map.coastlines, map.countryBorders);
    return map;
}

}  // namespace briefmap::geo
