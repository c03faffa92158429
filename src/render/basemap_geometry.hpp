// The base map's drawable geometry on the CPU (no GL): levels of detail of the land fill and of each
// line set, simplified, triangulated and projected on demand. Safe to build on a worker thread, so the
// first frame's preparation overlaps window and context creation.
#pragma once
#include <array>
#include <optional>
#include <vector>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"

namespace briefmap::render {

struct BasemapStyle {
    bool graticule = false;
    bool coastlines = true;
    bool countryBorders = true;
    bool admin1 = true;
};

// Admin-1 boundaries fade in from this many pixels per degree of longitude (and labels appear).
inline constexpr double kAdmin1PixelsPerDegree = 14.0;
double pixelsPerDegree(const MapView& view);

// One level of detail of one geometry set.
struct LevelGeometry {
    bool built = false;
    std::vector<float> lonLat;     // degrees: triangles (fill) or x0 y0 x1 y1 segments (lines)
    std::vector<float> projected;  // the same, projected
    std::optional<Projection> projectedFor;
    int count = 0;  // vertices (fill) or segments (lines)
};

enum class GeometrySet { Fill, Coastlines, CountryBorders, Admin1, Graticule };
inline constexpr size_t kGeometrySets = 5;

class BasemapGeometry {
public:
    BasemapGeometry() = default;
    explicit BasemapGeometry(const geo::Basemap& data);

    static size_t levelFor(const MapView& view);
    static size_t levelCount();

    // Builds and projects what `style` draws at `level` in `projection`, one task per set in parallel.
    void prepare(size_t level, Projection projection, const BasemapStyle& style);
    const LevelGeometry& get(GeometrySet set, size_t level) const;

private:
    void build(GeometrySet set, size_t level, Projection projection);

    std::vector<Ring> m_rings;                                   // every country ring, full detail
    std::array<std::vector<geo::Segment>, kGeometrySets> m_lines;  // sources of the line sets
    std::array<std::vector<LevelGeometry>, kGeometrySets> m_levels;
};

}  // namespace briefmap::render
