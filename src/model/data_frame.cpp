#include "model/data_frame.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace briefmap::model {

namespace {

// Nearest rank, rounded inwards: an outlier at the very end never pulls the value towards it.
double quantile(const std::vector<double>& sorted, double q) {
    const double at = q * static_cast<double>(sorted.size() - 1);
    const auto i = static_cast<size_t>(q < 0.5 ? std::ceil(at) : std::floor(at));
    return sorted[std::min(i, sorted.size() - 1)];
}

// [lo, hi] of values, ignoring those far outside the central 96%.
std::pair<double, double> robustRange(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    if (values.size() < 20) return {values.front(), values.back()};
    const double lo = quantile(values, 0.02), hi = quantile(values, 0.98);
    const double reach = std::max(0.5 * (hi - lo), 0.5);
    double outLo = lo, outHi = hi;
    for (double v : values) {
        if (v < outLo && v >= lo - reach) outLo = v;
        if (v > outHi && v <= hi + reach) outHi = v;
    }
    return {outLo, outHi};
}

}  // namespace

std::optional<GeoBounds> dataFrame(const Briefing& b) {
    std::vector<double> lons, lats;
    const auto add = [&](double lon, double lat) {
        if (!std::isfinite(lon) || !std::isfinite(lat)) return;
        lons.push_back(lon);
        lats.push_back(lat);
    };
    const auto addPlace = [&](uint32_t p) {
        if (p != kNone && p < b.places.size() && b.places[p].resolved) add(b.places[p].lon, b.places[p].lat);
    };
    for (const Event& e : b.events) {
        for (uint32_t p : e.places) addPlace(p);
        if (e.flow) {
            addPlace(e.flow->from);
            addPlace(e.flow->to);
            for (uint32_t p : e.flow->via) addPlace(p);
            for (const LonLat& v : e.flow->line) add(v.lon, v.lat);
        }
        if (e.area)
            for (const Ring& ring : e.area->rings)
                for (const LonLat& v : ring) add(v.lon, v.lat);
    }
    if (lons.empty()) return std::nullopt;

    // Longitudes are on a circle: the box starts after the widest empty stretch (Alaska and Kamchatka
    // frame across the antimeridian, not around the world the other way).
    std::vector<double> sorted = lons;
    std::sort(sorted.begin(), sorted.end());
    double widestGap = sorted.front() + 360 - sorted.back();
    double cut = sorted.front();  // longitudes below `cut` move east by 360
    for (size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i] - sorted[i - 1] > widestGap) widestGap = sorted[i] - sorted[i - 1], cut = sorted[i];
    for (double& lon : lons)
        if (lon < cut) lon += 360;

    auto [west, east] = robustRange(lons);
    auto [south, north] = robustRange(lats);
    const double padX = std::max(0.06 * (east - west), 0.5 - 0.5 * (east - west));
    const double padY = std::max(0.06 * (north - south), 0.5 - 0.5 * (north - south));
    west -= padX, east += padX, south -= padY, north += padY;
    south = std::max(south, -85.0), north = std::min(north, 85.0);
    if (east - west > 360) west = -180, east = 180;
    while (west >= 180) west -= 360, east -= 360;
    while (west < -180) west += 360, east += 360;
    return GeoBounds{west, south, east, north};
}

GeoBounds openingFrame(const Briefing& b, const GeoBounds& fallback) {
    if (b.view) return *b.view;
    return dataFrame(b).value_or(fallback);
}

}  // namespace briefmap::model
