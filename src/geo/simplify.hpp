// Level-of-detail simplification for drawing (no GL): at a given tolerance, vertices closer than the
// tolerance to the last kept vertex are dropped (radial distance), which at sub-pixel tolerances is
// invisible and cuts llvmpipe's per-triangle cost several-fold when zoomed out.
#pragma once
#include <vector>

#include "geo/basemap.hpp"

namespace briefmap::geo {

// Segments whose end meets the next one's start are treated as one chain; chain ends are kept.
std::vector<Segment> simplifyChains(const std::vector<Segment>& segments, double toleranceDegrees);

// A closed ring simplified the same way; keeps at least 4 vertices when the input had them.
Ring simplifyRing(const Ring& ring, double toleranceDegrees);

}  // namespace briefmap::geo
