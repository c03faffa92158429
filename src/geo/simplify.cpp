// Radial-distance simplification of chains and rings.
#include "geo/simplify.hpp"

namespace briefmap::geo {

namespace {
bool farEnough(LonLat a, LonLat b, double tol2) {
    const double dx = a.lon - b.lon, dy = a.lat - b.lat;
    return dx * dx + dy * dy >= tol2;
}
}  // namespace

std::vector<Segment> simplifyChains(const std::vector<Segment>& segments, double tol) {
    if (tol <= 0) return segments;
    const double tol2 = tol * tol;
    std::vector<Segment> out;
    out.reserve(segments.size() / 2);
    size_t i = 0;
    while (i < segments.size()) {
        LonLat kept = segments[i].a;
        size_t j = i;
        for (;; ++j) {
            const bool chainEnds = j + 1 == segments.size() || !(segments[j + 1].a == segments[j].b);
            const LonLat end = segments[j].b;
            if (chainEnds || farEnough(kept, end, tol2)) {
                out.push_back({kept, end});
                kept = end;
            }
            if (chainEnds) break;
        }
        i = j + 1;
    }
    return out;
}

Ring simplifyRing(const Ring& ring, double tol) {
    if (tol <= 0 || ring.size() <= 4) return ring;
    const double tol2 = tol * tol;
    Ring out;
    out.reserve(ring.size() / 2);
    out.push_back(ring.front());
    for (size_t i = 1; i + 1 < ring.size(); ++i)
        if (farEnough(out.back(), ring[i], tol2)) out.push_back(ring[i]);
    out.push_back(ring.back());
    if (out.size() < 4) return Ring{};  // smaller than the tolerance: invisible at this level
    return out;
}

}  // namespace briefmap::geo
