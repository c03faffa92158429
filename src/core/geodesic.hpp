// Geodesics on the WGS84 ellipsoid (Karney's algorithms, from PROJ's geodesic.h): distances for the
// ruler, range rings as true geodesic circles, paths for annotation arrows. PROJ is opened on first
// use (its library pulls in 40-odd others), so briefings without annotations start without it.
#pragma once
#include <string>
#include <vector>

#include "core/geo_types.hpp"
#include "core/result.hpp"

namespace briefmap {

struct GeodesicLine {
    double metres = 0;
    double azimuth1 = 0, azimuth2 = 0;  // degrees clockwise from north, at the start and at the end
};

// Whether PROJ could be opened (the functions below fail with its reason otherwise).
Status geodesicsAvailable();

// Distance and bearings from a to b.
Result<GeodesicLine> geodesicInverse(LonLat a, LonLat b);
// The point `metres` from `from` along the azimuth (degrees clockwise from north).
Result<LonLat> geodesicDestination(LonLat from, double azimuthDegrees, double metres);
// The shortest path from a to b with points at most `maxStepMetres` apart, longitudes continuous
// from a (they may leave [-180, 180]).
Result<std::vector<LonLat>> geodesicPath(LonLat a, LonLat b, double maxStepMetres = 50'000);
// The points `metres` from `center` (a range ring), closed (last == first), longitudes continuous.
// A ring around a pole spans 360° of longitude; its drawing closes along the ring itself.
Result<std::vector<LonLat>> geodesicCircle(LonLat center, double metres, int segments = 256);

// "1,234 km" / "850 m" / "12.5 km"; with `miles` also "(767 mi)" after it.
std::string formatDistance(double metres, bool miles = true);

}  // namespace briefmap
