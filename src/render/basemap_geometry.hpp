// The base map's drawable geometry on the CPU (no GL): levels of detail of the land fill and of each
// line set, simplified, triangulated and projected on demand. Safe to build on a worker thread, so the
// first frame's preparation overlaps window and context creation.
#pragma once
#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
#include "geo/detail_map.hpp"

namespace briefmap::render {

// Triangles (lon/lat, 6 floats each) whose even-odd stencil parity fills the rings: local fans over
// runs of vertices, closed by one coarse fan. Rings are simplified to `tolerance` degrees first.
void stencilFanTriangles(const std::vector<Ring>& rings, double tolerance, std::vector<float>& out);

struct BasemapStyle {
    bool graticule = false;
    bool coastlines = true;
    bool countryBorders = true;
    bool admin1 = true;
    bool water = true;  // rivers and lakes, when the close-up map is loaded
};

// Rivers and lakes fade in over these zooms (pixels per degree of longitude): reference for close-ups,
// absent from the overview where they would compete with the briefing's flows.
inline constexpr double kLakesFromPixelsPerDegree = 10.0, kLakesFullPixelsPerDegree = 16.0;
inline constexpr double kRiversFromPixelsPerDegree = 16.0, kRiversFullPixelsPerDegree = 28.0;
// The close-up map is wanted (and loaded) from this zoom on: the first zoom that draws any of it.
inline constexpr double kDetailFromPixelsPerDegree = kLakesFromPixelsPerDegree;
// Opacity of a layer that fades in between two zooms.
double fadeIn(double pixelsPerDegree, double from, double full);

// Admin-1 boundaries fade in from this many pixels per degree of longitude (and labels appear).
inline constexpr double kAdmin1PixelsPerDegree = 14.0;
double pixelsPerDegree(const MapView& view);

// A run of primitives that start in the same 30° cell, with the bounding box of all their vertices:
// drawing only the buckets that intersect the view keeps llvmpipe from processing geometry that is
// off screen (zoomed-in views, the cache's strip updates).
struct GeometryBucket {
    int first = 0, count = 0;  // primitives: triangles (fill) or segments (lines)
    float west = 0, south = 0, east = 0, north = 0;
};

// One level of detail of one geometry set.
struct LevelGeometry {
    bool built = false;
    std::vector<float> lonLat;     // degrees: triangles (fill) or x0 y0 x1 y1 segments (lines), by bucket
    std::vector<float> projected;  // the same, projected
    std::optional<Projection> projectedFor;
    int count = 0;  // vertices (fill) or segments (lines)
    std::vector<GeometryBucket> buckets;
};

// Calls draw(first, count) for each maximal run of buckets that intersects `view` when shifted by
// `worldOffset` degrees (a world copy).
template <typename DrawRange>
void forEachVisibleRange(const LevelGeometry& level, const GeoBounds& view, double worldOffset, DrawRange draw) {
    int runFirst = 0, runCount = 0;
    for (const GeometryBucket& b : level.buckets) {
        const bool visible = b.west + worldOffset <= view.east && b.east + worldOffset >= view.west &&
                             b.south <= view.north && b.north >= view.south;
        if (visible && runCount > 0 && runFirst + runCount == b.first) {
            runCount += b.count;
            continue;
        }
        if (runCount > 0) draw(runFirst, runCount);
        runCount = 0;
        if (visible) {
            runFirst = b.first;
            runCount = b.count;
        }
    }
    if (runCount > 0) draw(runFirst, runCount);
}

enum class GeometrySet { Fill, Coastlines, CountryBorders, Admin1, Graticule, Lakes, Rivers };
inline constexpr size_t kGeometrySets = 7;

class BasemapGeometry {
public:
    BasemapGeometry() = default;
    explicit BasemapGeometry(const geo::Basemap& data);

    static size_t levelFor(const MapView& view);
    static size_t levelCount();
    // Levels fine enough that 1:50m would look angular: with the close-up map they draw its 1:10m land,
    // coastlines and borders. The switch happens where the two differ by about a pixel, so it does
    // not pop.
    static bool usesDetail(size_t level);

    // Adds the close-up map (rivers, lakes and the 1:10m outlines); levels built from it are rebuilt.
    void setDetail(std::shared_ptr<const geo::DetailMap> detail);
    bool hasDetail() const { return m_detail != nullptr; }

    // Builds and projects what `style` draws at `level` in `projection`, one task per set in parallel.
    void prepare(size_t level, Projection projection, const BasemapStyle& style);
    const LevelGeometry& get(GeometrySet set, size_t level) const;

private:
    void build(GeometrySet set, size_t level, Projection projection);

    std::shared_ptr<const geo::DetailMap> m_detail;
    std::vector<Ring> m_rings;                                   // every country ring, full detail
    std::array<std::vector<geo::Segment>, kGeometrySets> m_lines;  // sources of the line sets
    std::array<std::vector<LevelGeometry>, kGeometrySets> m_levels;
};

}  // namespace briefmap::render
