// ESRI world files (.pgw) and projection files (.prj) so QGIS and GDAL place an exported PNG exactly.
#pragma once
#include <string>

#include "core/map_view.hpp"
#include "core/result.hpp"

namespace briefmap::geo {

std::string worldFileText(const MapView& view);    // six lines: pixel size, rotation, upper-left centre
// WKT from GDAL/PROJ: ESRI-flavoured WKT1 for .prj files, else WKT2.
std::string projectionWkt(Projection projection, bool esri = true);

// Writes PNGPATH without extension + ".pgw" and ".prj", plus PNGPATH + ".aux.xml" (the CRS for GDAL
// and QGIS), atomically.
Status writeWorldFiles(const std::string& pngPath, const MapView& view);

}  // namespace briefmap::geo
