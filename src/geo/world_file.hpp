// ESRI world files (.pgw) and projection files (.prj) so QGIS and GDAL place an exported PNG exactly.
#pragma once
#include <string>

#include "core/map_view.hpp"
#include "core/result.hpp"

namespace briefmap::geo {

std::string worldFileText(const MapView& view);    // six lines: pixel size, rotation, upper-left centre
std::string projectionWkt(Projection projection);  // ESRI-flavoured WKT from GDAL/PROJ

// Writes PNGPATH without extension + ".pgw" and ".prj", atomically.
Status writeWorldFiles(const std::string& pngPath, const MapView& view);

}  // namespace briefmap::geo
