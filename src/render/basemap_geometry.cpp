// Level-of-detail geometry: radial simplification, local stencil fans, projection.
#include "render/basemap_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <future>

#include "geo/simplify.hpp"

namespace briefmap::render {

namespace {

std::vector<geo::Segment> makeGraticule() {
    std::vector<geo::Segment> s;
    // Meridians and parallels are straight lines in both projections: one segment each.
    for (int lon = -180; lon < 180; lon += 10) s.push_back({{double(lon), -80.0}, {double(lon), 80.0}});
    for (int lat = -80; lat <= 80; lat += 10) s.push_back({{-180.0, double(lat)}, {180.0, double(lat)}});
    return s;
}

// Even-odd fill by stencil parity works for any decomposition of a ring into closed loops whose
// parities add up to the ring's. A fan from one vertex to every edge of a long, wiggly coastline makes
// huge overlapping slivers (5-10x overdraw that crosses every raster tile). Instead, each run of
// kChunk consecutive vertices gets its own small local fan, and one coarse fan over the runs' first
// vertices closes the loop: the shared chords cancel in parity.
constexpr size_t kChunk = 24;

void appendTriangle(std::vector<float>& out, LonLat a, LonLat b, LonLat c) {
    out.insert(out.end(), {float(a.lon), float(a.lat), float(b.lon), float(b.lat), float(c.lon), float(c.lat)});
}

// Simplification tolerances of the levels of detail, degrees. A level is used while its tolerance
// stays under kMaxTolerancePixels on screen.
constexpr double kLodTolerances[] = {0.0, 0.008, 0.02, 0.05, 0.12, 0.3};
constexpr double kMaxTolerancePixels = 0.6;

// Reorders primitives (`stride` floats each) by the 30° cell of their first vertex and records each
// cell's bounding box. A counting sort: linear time, stable.
void bucketize(LevelGeometry& level, size_t stride) {
    constexpr int kColumns = 13, kRows = 6;  // 13 columns: unwrapped rings reach past +180
    const size_t n = level.lonLat.size() / stride;
    std::vector<int> cellOf(n);
    std::vector<int> counts(kColumns * kRows + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        const float lon = level.lonLat[i * stride], lat = level.lonLat[i * stride + 1];
        const int col = std::clamp(static_cast<int>(std::floor((lon + 180.0f) / 30.0f)), 0, kColumns - 1);
        const int row = std::clamp(static_cast<int>(std::floor((lat + 90.0f) / 30.0f)), 0, kRows - 1);
        cellOf[i] = row * kColumns + col;
        ++counts[static_cast<size_t>(cellOf[i]) + 1];
    }
    for (size_t c = 1; c < counts.size(); ++c) counts[c] += counts[c - 1];
    std::vector<float> sorted(level.lonLat.size());
    level.buckets.clear();
    for (int cell = 0; cell < kColumns * kRows; ++cell) {
        const int begin = counts[static_cast<size_t>(cell)], end = counts[static_cast<size_t>(cell) + 1];
        if (begin == end) continue;
        level.buckets.push_back({begin, end - begin, INFINITY, INFINITY, -INFINITY, -INFINITY});
    }
    std::vector<int> next(counts.begin(), counts.end() - 1);
    for (size_t i = 0; i < n; ++i) {
        const auto to = static_cast<size_t>(next[static_cast<size_t>(cellOf[i])]++);
        std::copy_n(level.lonLat.begin() + static_cast<long>(i * stride), stride, sorted.begin() + static_cast<long>(to * stride));
    }
    level.lonLat = std::move(sorted);
    for (GeometryBucket& b : level.buckets) {
        for (size_t v = static_cast<size_t>(b.first) * stride; v < static_cast<size_t>(b.first + b.count) * stride; v += 2) {
            b.west = std::min(b.west, level.lonLat[v]);
            b.east = std::max(b.east, level.lonLat[v]);
            b.south = std::min(b.south, level.lonLat[v + 1]);
            b.north = std::max(b.north, level.lonLat[v + 1]);
        }
    }
}

bool drawn(GeometrySet set, const BasemapStyle& style) {
    switch (set) {
    case GeometrySet::Fill: return true;
    case GeometrySet::Coastlines: return style.coastlines;
    case GeometrySet::CountryBorders: return style.countryBorders;
    case GeometrySet::Admin1: return style.admin1;
    case GeometrySet::Graticule: return style.graticule;
    case GeometrySet::Lakes:
    case GeometrySet::Rivers: return style.water;
    }
    return false;
}

}  // namespace

void stencilFanTriangles(const std::vector<Ring>& rings, double tolerance, std::vector<float>& out) {
    std::vector<LonLat> coarse;
    for (const Ring& full : rings) {
        const Ring r = geo::simplifyRing(full, tolerance);
        const size_t n = r.size() - (r.size() > 1 && r.front() == r.back() ? 1 : 0);
        if (n < 3) continue;
        coarse.clear();
        for (size_t start = 0; start < n; start += kChunk) {
            const size_t end = std::min(start + kChunk, n);  // chunk covers vertices start..end (wrapping)
            coarse.push_back(r[start]);
            for (size_t i = start + 1; i < end; ++i) appendTriangle(out, r[start], r[i], r[(i + 1) % n]);
        }
        for (size_t i = 1; i + 1 < coarse.size(); ++i) appendTriangle(out, coarse[0], coarse[i], coarse[i + 1]);
    }
}


double fadeIn(double pixelsPerDegree, double from, double full) {
    return std::clamp((pixelsPerDegree - from) / (full - from), 0.0, 1.0);
}

double pixelsPerDegree(const MapView& view) {
    return worldWidth(view.projection()) / 360.0 / view.unitsPerPixel();
}

BasemapGeometry::BasemapGeometry(const geo::Basemap& data) {
    for (const geo::Country& c : data.countries) m_rings.insert(m_rings.end(), c.rings.begin(), c.rings.end());
    m_lines[size_t(GeometrySet::Coastlines)] = data.coastlines;
    m_lines[size_t(GeometrySet::CountryBorders)] = data.countryBorders;
    m_lines[size_t(GeometrySet::Admin1)] = data.admin1Borders;
    m_lines[size_t(GeometrySet::Graticule)] = makeGraticule();
    for (auto& levels : m_levels) levels.resize(levelCount());
}

size_t BasemapGeometry::levelCount() { return std::size(kLodTolerances); }

// 1:50m and 1:10m outlines differ by up to ~0.02° (Natural Earth's generalisation): at level 1's zoom
// and closer that is over a pixel, so those levels draw the finer data.
bool BasemapGeometry::usesDetail(size_t level) { return level <= 2; }

void BasemapGeometry::setDetail(std::shared_ptr<const geo::DetailMap> detail) {
    m_detail = std::move(detail);
    for (size_t s = 0; s < kGeometrySets; ++s) {
        const auto set = static_cast<GeometrySet>(s);
        const bool fromDetail = set == GeometrySet::Fill || set == GeometrySet::Coastlines ||
                                set == GeometrySet::CountryBorders || set == GeometrySet::Lakes ||
                                set == GeometrySet::Rivers;
        if (!fromDetail) continue;
        for (size_t level = 0; level < levelCount(); ++level)
            if (set == GeometrySet::Lakes || set == GeometrySet::Rivers || usesDetail(level))
                m_levels[s][level] = LevelGeometry{};
    }
}

size_t BasemapGeometry::levelFor(const MapView& view) {
    // Detail follows the pixels rasterised, not the layout: a 4K export at scale 2 gets the coast's
    // finer level, so it is sharper where the 1080p map would look angular when enlarged.
    const double ppd = pixelsPerDegree(view) * view.pixelRatio();
    size_t level = 0;
    for (size_t i = 1; i < std::size(kLodTolerances); ++i)
        if (kLodTolerances[i] * ppd <= kMaxTolerancePixels) level = i;
    return level;
}

const LevelGeometry& BasemapGeometry::get(GeometrySet set, size_t level) const { return m_levels[size_t(set)][level]; }

void BasemapGeometry::build(GeometrySet set, size_t index, Projection projection) {
    LevelGeometry& level = m_levels[size_t(set)][index];
    if (!level.built) {
        const bool detail = m_detail && usesDetail(index);
        if (set == GeometrySet::Fill || set == GeometrySet::Lakes) {
            static const std::vector<Ring> kNone;
            const std::vector<Ring>& rings = set == GeometrySet::Lakes ? (m_detail ? m_detail->lakes : kNone)
                                             : detail                  ? m_detail->landRings
                                                                       : m_rings;
            stencilFanTriangles(rings, kLodTolerances[index], level.lonLat);
            level.count = static_cast<int>(level.lonLat.size() / 2);
            bucketize(level, 6);
        } else {
            static const std::vector<geo::Segment> kNoLines;
            const std::vector<geo::Segment>& lines =
                set == GeometrySet::Rivers                      ? (m_detail ? m_detail->rivers : kNoLines)
                : detail && set == GeometrySet::Coastlines     ? m_detail->coastlines
                : detail && set == GeometrySet::CountryBorders ? m_detail->countryBorders
                                                               : m_lines[size_t(set)];
            for (const geo::Segment& seg : geo::simplifyChains(lines, kLodTolerances[index])) {
                level.lonLat.insert(level.lonLat.end(), {static_cast<float>(seg.a.lon), static_cast<float>(seg.a.lat),
                                                         static_cast<float>(seg.b.lon), static_cast<float>(seg.b.lat)});
            }
            level.count = static_cast<int>(level.lonLat.size() / 4);
            bucketize(level, 4);
        }
        level.built = true;
    }
    if (level.projectedFor != projection) {
        level.projected.resize(level.lonLat.size());
        for (size_t i = 0; i + 1 < level.lonLat.size(); i += 2) {
            const Vec2d p = project(projection, {level.lonLat[i], level.lonLat[i + 1]});
            level.projected[i] = static_cast<float>(p.x);
            level.projected[i + 1] = static_cast<float>(p.y);
        }
        level.projectedFor = projection;
    }
}

void BasemapGeometry::prepare(size_t index, Projection projection, const BasemapStyle& style) {
    std::array<GeometrySet, kGeometrySets> jobs{};
    size_t count = 0;
    for (size_t s = 0; s < kGeometrySets; ++s) {
        const auto set = static_cast<GeometrySet>(s);
        const LevelGeometry& level = m_levels[s][index];
        if (drawn(set, style) && !(level.built && level.projectedFor == projection)) jobs[count++] = set;
    }
    if (count == 0) return;  // the steady state: nothing to build, nothing allocated
    // Each set's level is independent CPU work: spread it over the cores.
    std::vector<std::future<void>> running;
    for (size_t i = 1; i < count; ++i)
        running.push_back(std::async(std::launch::async, [this, set = jobs[i], index, projection] {
            build(set, index, projection);
        }));
    build(jobs[0], index, projection);
    for (std::future<void>& f : running) f.get();
}

}  // namespace briefmap::render
