// Geographic value types with invariants, and antimeridian unwrapping that lives next to them.
#pragma once
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace briefmap {

// Longitude may lie outside [-180, 180] on purpose: unwrapped rings and world copies use it.
struct LonLat {
    double lon = 0;
    double lat = 0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

// `lon` shifted by whole turns to lie within 180° of `reference` (a point drawn in the world copy
// nearest the view's centre).
inline double wrapNear(double lon, double reference) { return lon - 360.0 * std::round((lon - reference) / 360.0); }

// Great-circle distance in kilometres on a sphere of the Earth's mean radius (haversine).
double greatCircleKm(LonLat a, LonLat b);

// A validated geographic point (maplibre's LatLng: NaN and |lat| > 90 are rejected at construction).
class LatLng {
public:
    static std::optional<LatLng> make(double lat, double lon);
    double lat() const { return m_lat; }
    double lon() const { return m_lon; }

private:
    LatLng(double lat, double lon) : m_lat(lat), m_lon(lon) {}
    double m_lat;
    double m_lon;
};

// West/south/east/north in degrees; east may exceed 180 for a box that crosses the antimeridian.
struct GeoBounds {
    double west = 0, south = 0, east = 0, north = 0;
    bool operator==(const GeoBounds&) const = default;
};

// Parses "WEST,SOUTH,EAST,NORTH"; a box with east < west crosses the antimeridian (east += 360).
// On failure returns nullopt and sets `why`.
std::optional<GeoBounds> parseGeoBounds(const std::string& text, std::string& why);

using Ring = std::vector<LonLat>;

// Removes ±360° jumps from a ring stitched for spherical use (world-atlas TopoJSON): each vertex is
// moved by a multiple of 360° to lie within 180° of its predecessor. A ring that then fails to close
// (it circles a pole, like Antarctica) is closed through the nearer pole. Finally the ring is shifted
// by a multiple of 360° so its western edge lies in [-180, 180).
// Returns true when the ring circled a pole.
bool unwrapRing(Ring& ring);

// Shoelace area in square degrees (sign: counter-clockwise positive).
double signedArea(const Ring& ring);

}  // namespace briefmap
