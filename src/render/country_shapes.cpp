#include "render/country_shapes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace briefmap::render {

bool ringsContain(const std::vector<Ring>& rings, LonLat p) {
    bool inside = false;
    for (const Ring& ring : rings)
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const LonLat a = ring[i], b = ring[j];
            if ((a.lat > p.lat) != (b.lat > p.lat) && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
                inside = !inside;
        }
    return inside;
}

CountryShapes::CountryShapes(const geo::Basemap& data) {
    m_shapes.reserve(data.countries.size());
    for (const geo::Country& c : data.countries) {
        CountryShape s;
        s.name = c.name;
        s.rings = c.rings;
        s.anchor = c.labelAnchor;
        s.box = {std::numeric_limits<double>::max(), 90, -std::numeric_limits<double>::max(), -90};
        for (const Ring& r : c.rings)
            for (const LonLat& p : r) {
                s.box.west = std::min(s.box.west, p.lon);
                s.box.east = std::max(s.box.east, p.lon);
                s.box.south = std::min(s.box.south, p.lat);
                s.box.north = std::max(s.box.north, p.lat);
            }
        if (!s.rings.empty()) m_shapes.push_back(std::move(s));
    }
}

const CountryShape* CountryShapes::at(LonLat p, double nearKm) const {
    for (const CountryShape& s : m_shapes)
        for (const double shift : {0.0, 360.0, -360.0}) {
            const LonLat q{p.lon + shift, p.lat};
            if (q.lon < s.box.west || q.lon > s.box.east || q.lat < s.box.south || q.lat > s.box.north) continue;
            if (ringsContain(s.rings, q)) return &s;
        }
    // Not on any land: the nearest coast vertex within nearKm.
    const CountryShape* best = nullptr;
    double bestKm = nearKm;
    for (const CountryShape& s : m_shapes) {
        const double margin = nearKm / 111.0 / std::max(0.1, std::cos(p.lat * std::numbers::pi / 180));
        if (p.lat < s.box.south - nearKm / 111.0 || p.lat > s.box.north + nearKm / 111.0) continue;
        for (const Ring& r : s.rings)
            for (const LonLat& v : r) {
                const double lon = wrapNear(v.lon, p.lon);
                if (std::abs(lon - p.lon) > margin) continue;
                const double km = greatCircleKm(p, {lon, v.lat});
                if (km < bestKm) bestKm = km, best = &s;
            }
    }
    return best;
}

}  // namespace briefmap::render
