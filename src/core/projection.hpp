// Map projections (pure math, no GL): Web Mercator (EPSG:3857, metres) and equirectangular
// (EPSG:4326 plate carrée, degrees). Shaders mirror these formulas in shaders/prelude.glsl.
#pragma once
#include <optional>
#include <string_view>

#include "core/geo_types.hpp"

namespace briefmap {

enum class Projection { Mercator, Equirect };

inline constexpr double kEarthRadius = 6378137.0;        // WGS84 semi-major axis (EPSG:3857)
inline constexpr double kMercatorMaxLat = 85.0511287798; // where Web Mercator is square

struct Vec2d {
    double x = 0, y = 0;
};

Vec2d project(Projection p, LonLat ll);  // latitude clamped to the projection's range
LonLat unproject(Projection p, Vec2d xy);
double worldWidth(Projection p);           // projected width of 360° of longitude
int epsgCode(Projection p);
std::string_view projectionName(Projection p);
std::optional<Projection> parseProjection(std::string_view name);

}  // namespace briefmap
