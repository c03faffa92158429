// Where on screen the map can be seen: the largest rectangle that no panel, legend, title or time bar
// covers. Camera moves (stepping, search, review, saved views) frame their target there, so a
// presenter never steps to a place hidden under the Details panel. Pure geometry, no GL or ImGui.
#pragma once
#include <vector>

#include "core/geo_types.hpp"
#include "core/map_view.hpp"

namespace briefmap {

struct PixelRect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // pixels, y down
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    double area() const { return width() > 0 && height() > 0 ? width() * height() : 0; }
    bool overlaps(const PixelRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// The largest axis-aligned rectangle of the width×height screen clear of every obstacle (each grown
// by `margin`); among equals the one nearest the centre. The whole screen when nothing is in the
// way; when obstacles leave less than a quarter of it clear, the whole screen too (framing in a
// sliver would zoom far out for nothing).
PixelRect largestClearRect(int width, int height, const std::vector<PixelRect>& obstacles, double margin = 8);

// A view of the same size and projection in which `bounds` fills `area` (its centre at the area's
// centre, the larger of its two spans fitting): where to fly to show `bounds` in the clear part.
MapView frameInArea(const MapView& view, const GeoBounds& bounds, const PixelRect& area);

}  // namespace briefmap
