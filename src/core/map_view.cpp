// Camera math: fitting, screen/projected conversion, pan and zoom around a point.
#include "core/map_view.hpp"

#include <algorithm>
#include <cmath>

namespace briefmap {

namespace {
// Zoom limits as a fraction of the world's width per pixel: from a whole world in 256 px down to
// roughly 20 m per pixel, where 1:50m data stops meaning anything anyway.
constexpr double kMaxWorldPerPixel = 1.0 / 256.0;
constexpr double kMinWorldPerPixel = 1.0 / 2'000'000.0;
}  // namespace

MapView::MapView(Projection projection, Vec2d center, double unitsPerPixel, int width, int height)
    : m_projection(projection), m_center(center), m_unitsPerPixel(unitsPerPixel),
      m_width(std::max(1, width)), m_height(std::max(1, height)) {}

MapView MapView::fitBounds(Projection projection, const GeoBounds& b, int width, int height) {
    const Vec2d sw = project(projection, {b.west, b.south});
    const Vec2d ne = project(projection, {b.east, b.north});
    // The whole box shows: the scale is set by whichever side is the tighter fit (letterboxing the other).
    const double upp = std::max((ne.x - sw.x) / std::max(1, width), (ne.y - sw.y) / std::max(1, height));
    return MapView(projection, {(sw.x + ne.x) / 2.0, (sw.y + ne.y) / 2.0}, upp, width, height);
}

MapView MapView::fitWidth(Projection projection, const GeoBounds& b, int width, int height) {
    const Vec2d sw = project(projection, {b.west, b.south});
    const Vec2d ne = project(projection, {b.east, b.north});
    const double upp = (ne.x - sw.x) / std::max(1, width);
    return MapView(projection, {(sw.x + ne.x) / 2.0, (sw.y + ne.y) / 2.0}, upp, width, height);
}

ProjectedExtent MapView::projectedExtent() const {
    const double hw = m_width * m_unitsPerPixel / 2.0, hh = m_height * m_unitsPerPixel / 2.0;
    return {m_center.x - hw, m_center.y - hh, m_center.x + hw, m_center.y + hh};
}

GeoBounds MapView::geoExtent() const {
    const ProjectedExtent e = projectedExtent();
    const LonLat sw = unproject(m_projection, {e.xmin, e.ymin});
    const LonLat ne = unproject(m_projection, {e.xmax, e.ymax});
    return {sw.lon, sw.lat, ne.lon, ne.lat};
}

Vec2d MapView::screenToProjected(double px, double py) const {
    return {m_center.x + (px - m_width / 2.0) * m_unitsPerPixel,
            m_center.y - (py - m_height / 2.0) * m_unitsPerPixel};
}

Vec2d MapView::projectedToScreen(Vec2d xy) const {
    return {(xy.x - m_center.x) / m_unitsPerPixel + m_width / 2.0,
            (m_center.y - xy.y) / m_unitsPerPixel + m_height / 2.0};
}

LonLat MapView::screenToLonLat(double px, double py) const {
    return unproject(m_projection, screenToProjected(px, py));
}

void MapView::resize(int width, int height) {
    m_width = std::max(1, width);
    m_height = std::max(1, height);
    m_fbWidth = m_fbHeight = 0;
}

MapView MapView::withFramebuffer(int width, int height) const {
    MapView v = *this;
    v.m_fbWidth = std::max(1, width);
    v.m_fbHeight = std::max(1, height);
    return v;
}

double defaultOutputScale(int width, int height) {
    return std::max(1.0, std::min(width / 1920.0, height / 1080.0));
}

void MapView::panPixels(double dx, double dy) {
    m_center.x -= dx * m_unitsPerPixel;
    m_center.y += dy * m_unitsPerPixel;
    clampState();
}

void MapView::zoomAround(double px, double py, double factor) {
    const Vec2d before = screenToProjected(px, py);
    m_unitsPerPixel /= factor;
    clampState();
    const Vec2d after = screenToProjected(px, py);
    m_center.x += before.x - after.x;
    m_center.y += before.y - after.y;
    clampState();
}

MapView MapView::withProjection(Projection projection) const {
    const GeoBounds g = geoExtent();
    const LonLat c = unproject(m_projection, m_center);
    MapView v = fitWidth(projection, g, m_width, m_height);
    v.m_center = project(projection, c);
    v.m_fbWidth = m_fbWidth;
    v.m_fbHeight = m_fbHeight;
    v.clampState();
    return v;
}

void MapView::visibleWorldCopies(int& first, int& last) const {
    const ProjectedExtent e = projectedExtent();
    const double w = worldWidth(m_projection);
    // Copy k spans [k w - w/2, k w + w/2]; unwrapped rings (Chukotka) reach up to ~0.1 w further east.
    first = static_cast<int>(std::ceil((e.xmin - 0.6 * w) / w));
    last = static_cast<int>(std::floor((e.xmax + 0.5 * w) / w));
}

void MapView::clampState() {
    const double w = worldWidth(m_projection);
    m_unitsPerPixel = std::clamp(m_unitsPerPixel, w * kMinWorldPerPixel, w * kMaxWorldPerPixel);
    // Panning across ±180° is endless: keep the centre within one world width of the origin.
    if (m_center.x > w / 2) m_center.x -= w * std::floor((m_center.x + w / 2) / w);
    if (m_center.x < -w / 2) m_center.x += w * std::floor((w / 2 - m_center.x) / w);
    const double yLimit = project(m_projection, {0, 90.0}).y;
    m_center.y = std::clamp(m_center.y, -yLimit, yLimit);
}

}  // namespace briefmap
