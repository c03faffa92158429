// Grid-refinement search for the pole of inaccessibility with a best-first queue.
#include "geo/polylabel.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <queue>

namespace briefmap::geo {

namespace {

struct Point {
    double x, y;
};

double segmentDistanceSquared(Point p, Point a, Point b) {
    double dx = b.x - a.x, dy = b.y - a.y;
    double x = a.x, y = a.y;
    if (dx != 0 || dy != 0) {
        const double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy);
        if (t > 1) {
            x = b.x;
            y = b.y;
        } else if (t > 0) {
            x += dx * t;
            y += dy * t;
        }
    }
    dx = p.x - x;
    dy = p.y - y;
    return dx * dx + dy * dy;
}

// Distance from p to the outline, positive inside (even-odd).
double signedDistance(Point p, const std::vector<Point>& pts) {
    bool inside = false;
    double best = INFINITY;
    for (size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
        const Point a = pts[i], b = pts[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
        best = std::min(best, segmentDistanceSquared(p, a, b));
    }
    return (inside ? 1 : -1) * std::sqrt(best);
}

struct Cell {
    Point c;
    double half, distance, potential;
    Cell(Point center, double h, const std::vector<Point>& pts)
        : c(center), half(h), distance(signedDistance(center, pts)),
          potential(distance + h * std::numbers::sqrt2) {}
};

}  // namespace

LonLat poleOfInaccessibility(const Ring& ring, double precisionDegrees) {
    if (ring.size() < 3) return ring.empty() ? LonLat{} : ring.front();
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    for (const LonLat& p : ring) {
        minY = std::min(minY, p.lat);
        maxY = std::max(maxY, p.lat);
    }
    const double xScale = std::max(0.05, std::cos((minY + maxY) / 2.0 * std::numbers::pi / 180.0));
    // A label point needs no more than a few hundred vertices of outline: decimate long rings.
    const size_t step = std::max<size_t>(1, ring.size() / 200);
    std::vector<Point> pts;
    pts.reserve(ring.size() / step + 1);
    for (size_t i = 0; i < ring.size(); i += step) {
        const LonLat& p = ring[i];
        pts.push_back({p.lon * xScale, p.lat});
        minX = std::min(minX, p.lon * xScale);
        maxX = std::max(maxX, p.lon * xScale);
    }
    const double size = std::min(maxX - minX, maxY - minY);
    if (size <= 0) return ring.front();

    auto cmp = [](const Cell& a, const Cell& b) { return a.potential < b.potential; };
    std::priority_queue<Cell, std::vector<Cell>, decltype(cmp)> queue(cmp);
    // Centimetre-exact poles are pointless for a label: stop at 2% of the ring's size.
    precisionDegrees = std::max(precisionDegrees, size / 50.0);
    const double h = size / 2;
    for (double x = minX; x < maxX; x += size)
        for (double y = minY; y < maxY; y += size) queue.emplace(Point{x + h, y + h}, h, pts);

    // Start from the centroid of the bounding box; refine towards cells that could beat it.
    Cell best(Point{(minX + maxX) / 2, (minY + maxY) / 2}, 0, pts);
    while (!queue.empty()) {
        const Cell cell = queue.top();
        queue.pop();
        if (cell.distance > best.distance) best = cell;
        if (cell.potential - best.distance <= precisionDegrees) continue;
        const double q = cell.half / 2;
        queue.emplace(Point{cell.c.x - q, cell.c.y - q}, q, pts);
        queue.emplace(Point{cell.c.x + q, cell.c.y - q}, q, pts);
        queue.emplace(Point{cell.c.x - q, cell.c.y + q}, q, pts);
        queue.emplace(Point{cell.c.x + q, cell.c.y + q}, q, pts);
    }
    return {best.c.x / xScale, best.c.y};
}

}  // namespace briefmap::geo
