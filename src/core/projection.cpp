// Forward and inverse projection formulas.
#include "core/projection.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace briefmap {

namespace {
constexpr double kDegToRad = std::numbers::pi / 180.0;
}

Vec2d project(Projection p, LonLat ll) {
    if (p == Projection::Equirect) return {ll.lon, std::clamp(ll.lat, -90.0, 90.0)};
    const double lat = std::clamp(ll.lat, -kMercatorMaxLat, kMercatorMaxLat) * kDegToRad;
    return {kEarthRadius * ll.lon * kDegToRad,
            kEarthRadius * std::log(std::tan(std::numbers::pi / 4.0 + lat / 2.0))};
}

LonLat unproject(Projection p, Vec2d xy) {
    if (p == Projection::Equirect) return {xy.x, xy.y};
    return {xy.x / kEarthRadius / kDegToRad,
            (2.0 * std::atan(std::exp(xy.y / kEarthRadius)) - std::numbers::pi / 2.0) / kDegToRad};
}

double worldWidth(Projection p) {
    return p == Projection::Equirect ? 360.0 : 2.0 * std::numbers::pi * kEarthRadius;
}

int epsgCode(Projection p) { return p == Projection::Equirect ? 4326 : 3857; }

std::string_view projectionName(Projection p) {
    return p == Projection::Equirect ? "equirect" : "mercator";
}

std::optional<Projection> parseProjection(std::string_view name) {
    if (name == "mercator") return Projection::Mercator;
    if (name == "equirect") return Projection::Equirect;
    return std::nullopt;
}

}  // namespace briefmap
