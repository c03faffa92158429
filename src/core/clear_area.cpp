#include "core/clear_area.hpp"

#include <algorithm>
#include <cmath>

#include "core/projection.hpp"

namespace briefmap {

PixelRect largestClearRect(int width, int height, const std::vector<PixelRect>& obstacles, double margin) {
    const PixelRect screen{0, 0, static_cast<double>(width), static_cast<double>(height)};
    std::vector<PixelRect> grown;
    std::vector<double> xs{0, screen.x1}, ys{0, screen.y1};
    for (const PixelRect& o : obstacles) {
        const PixelRect g{o.x0 - margin, o.y0 - margin, o.x1 + margin, o.y1 + margin};
        if (!g.overlaps(screen)) continue;
        grown.push_back(g);
        for (double x : {g.x0, g.x1}) xs.push_back(std::clamp(x, 0.0, screen.x1));
        for (double y : {g.y0, g.y1}) ys.push_back(std::clamp(y, 0.0, screen.y1));
    }
    if (grown.empty()) return screen;
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    // Every maximal clear rectangle has its edges on the screen's or an obstacle's edges: try them
    // all (a dozen panels give a few hundred thousand candidates, once per camera move).
    PixelRect best{};
    double bestDistance = 0;
    const double cx = screen.x1 / 2, cy = screen.y1 / 2;
    for (size_t a = 0; a < xs.size(); ++a)
        for (size_t b = a + 1; b < xs.size(); ++b)
            for (size_t c = 0; c < ys.size(); ++c)
                for (size_t d = c + 1; d < ys.size(); ++d) {
                    const PixelRect r{xs[a], ys[c], xs[b], ys[d]};
                    if (r.area() < best.area()) continue;
                    if (std::any_of(grown.begin(), grown.end(), [&](const PixelRect& g) { return g.overlaps(r); })) continue;
                    const double distance = std::hypot((r.x0 + r.x1) / 2 - cx, (r.y0 + r.y1) / 2 - cy);
                    if (r.area() > best.area() || distance < bestDistance) {
                        best = r;
                        bestDistance = distance;
                    }
                }
    return best.area() * 4 < screen.area() ? screen : best;
}

MapView frameInArea(const MapView& view, const GeoBounds& bounds, const PixelRect& area) {
    const Projection p = view.projection();
    const Vec2d lo = project(p, {bounds.west, bounds.south}), hi = project(p, {bounds.east, bounds.north});
    const double spanX = std::max(hi.x - lo.x, 1e-9), spanY = std::max(hi.y - lo.y, 1e-9);
    const double unitsPerPixel = std::max(spanX / std::max(area.width(), 1.0), spanY / std::max(area.height(), 1.0));
    // The bounds' centre at the area's centre (screen y runs down, projected y up).
    const double w = view.width(), h = view.height();
    const Vec2d middle{(lo.x + hi.x) / 2, (lo.y + hi.y) / 2};
    const Vec2d centre{middle.x - ((area.x0 + area.x1) / 2 - w / 2) * unitsPerPixel,
                       middle.y + ((area.y0 + area.y1) / 2 - h / 2) * unitsPerPixel};
    return MapView(p, centre, unitsPerPixel, view.width(), view.height());
}

}  // namespace briefmap
