// LatLng validation, bbox parsing and antimeridian unwrapping.
#include "core/geo_types.hpp"

#include <numbers>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace briefmap {

std::optional<LatLng> LatLng::make(double lat, double lon) {
    if (!std::isfinite(lat) || !std::isfinite(lon) || std::abs(lat) > 90.0 || std::abs(lon) > 540.0)
        return std::nullopt;
    return LatLng(lat, lon);
}

namespace {
bool parseNumber(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && std::isfinite(out);
}
}  // namespace

std::optional<GeoBounds> parseGeoBounds(const std::string& text, std::string& why) {
    std::vector<std::string> parts;
    std::stringstream ss(text);
    for (std::string part; std::getline(ss, part, ',');) parts.push_back(part);
    if (parts.size() != 4) {
        why = "expected WEST,SOUTH,EAST,NORTH (4 numbers), got '" + text + "'";
        return std::nullopt;
    }
    double v[4];
    for (int i = 0; i < 4; ++i) {
        if (!parseNumber(parts[i], v[i])) {
            why = "'" + parts[i] + "' is not a number";
            return std::nullopt;
        }
    }
    GeoBounds b{v[0], v[1], v[2], v[3]};
    if (std::abs(b.south) > 90 || std::abs(b.north) > 90) {
        why = "latitudes must lie within [-90, 90]";
        return std::nullopt;
    }
    if (b.south >= b.north) {
        why = "south (" + parts[1] + ") must be less than north (" + parts[3] + ")";
        return std::nullopt;
    }
    if (std::abs(b.west) > 180 || std::abs(b.east) > 180) {
        why = "longitudes must lie within [-180, 180]";
        return std::nullopt;
    }
    if (b.east == b.west) {
        why = "west and east must differ";
        return std::nullopt;
    }
    if (b.east < b.west) b.east += 360.0;  // crosses the antimeridian
    return b;
}

bool unwrapRing(Ring& ring) {
    if (ring.size() < 2) return false;
    for (size_t i = 1; i < ring.size(); ++i) {
        const double prev = ring[i - 1].lon;
        double& lon = ring[i].lon;
        lon -= 360.0 * std::round((lon - prev) / 360.0);
    }
    bool polar = false;
    const double drift = ring.back().lon - ring.front().lon;
    if (std::abs(drift) > 180.0) {
        // The ring went once around the globe: close it through the pole on its side.
        double meanLat = 0;
        for (const LonLat& p : ring) meanLat += p.lat;
        const double poleLat = meanLat >= 0 ? 90.0 : -90.0;
        const LonLat last = ring.back(), first = ring.front();
        ring.push_back({last.lon, poleLat});
        ring.push_back({first.lon, poleLat});
        ring.push_back(first);
        polar = true;
    }
    double west = ring.front().lon;
    for (const LonLat& p : ring) west = std::min(west, p.lon);
    const double shift = -360.0 * std::floor((west + 180.0) / 360.0);
    if (shift != 0)
        for (LonLat& p : ring) p.lon += shift;
    return polar;
}

double signedArea(const Ring& ring) {
    double a = 0;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        a += (ring[j].lon - ring[i].lon) * (ring[j].lat + ring[i].lat);
    return a * 0.5;
}

double greatCircleKm(LonLat a, LonLat b) {
    const double r = std::numbers::pi / 180.0;
    const double h = std::pow(std::sin((b.lat - a.lat) * r / 2), 2) +
                     std::cos(a.lat * r) * std::cos(b.lat * r) * std::pow(std::sin((b.lon - a.lon) * r / 2), 2);
    return 6371.0 * 2 * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace briefmap
