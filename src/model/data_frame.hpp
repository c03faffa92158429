// The part of the world a briefing's data covers, for framing the map on it when neither the user
// (--bbox) nor the briefing ("view") says what to show.
#pragma once
#include <optional>

#include "core/geo_types.hpp"
#include "model/briefing.hpp"

namespace briefmap::model {

// The box around every event's places, flows and areas, robust to a few far outliers (a stray
// 0,0 or a mistyped sign): with 20 or more points, the 2nd–98th percentile box, widened to take in
// the points that lie within half its size beyond it. Across the antimeridian when the data is
// (east > 180 then). Padded by 6%, at least 1° wide and high. Empty when no event is placed.
std::optional<GeoBounds> dataFrame(const Briefing& briefing);

// The frame a map opens on: the briefing's own view, else its data, else `fallback`.
GeoBounds openingFrame(const Briefing& briefing, const GeoBounds& fallback);

}  // namespace briefmap::model
