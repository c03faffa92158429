// Pole of inaccessibility (mapbox/polylabel's algorithm): the interior point farthest from the
// outline, which is where a cartographer puts a country's name.
#pragma once
#include "core/geo_types.hpp"

namespace briefmap::geo {

// `ring` is one closed outline in degrees; distances are measured with longitude scaled by the cosine
// of the ring's middle latitude so the point is central on the map, not in raw degrees.
LonLat poleOfInaccessibility(const Ring& ring, double precisionDegrees = 0.05);

}  // namespace briefmap::geo
