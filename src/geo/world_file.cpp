// World-file text and SRS WKT (from GDAL's OGRSpatialReference through the GDAL plugin, not typed by hand).
#include "geo/world_file.hpp"

#include <cstdio>

#include "core/atomic_file.hpp"
#include "geo/gdal_plugin.hpp"

namespace briefmap::geo {

std::string worldFileText(const MapView& view) {
    const ProjectedExtent e = view.projectedExtent();
    const double upp = view.unitsPerPixel() / view.pixelRatio();  // per pixel of the image
    char text[256];
    std::snprintf(text, sizeof text, "%.10f\n0.0\n0.0\n%.10f\n%.10f\n%.10f\n", upp, -upp, e.xmin + upp / 2,
                  e.ymax - upp / 2);
    return text;
}

std::string projectionWkt(Projection projection, bool esri) {
    Result<const GdalApi*> gdal = gdalApi();
    return gdal ? (*gdal)->projectionWkt(epsgCode(projection), esri) : std::string();
}

Status writeWorldFiles(const std::string& pngPath, const MapView& view) {
    const size_t dot = pngPath.find_last_of('.');
    const size_t slash = pngPath.find_last_of('/');
    const std::string base = dot != std::string::npos && (slash == std::string::npos || dot > slash)
                                 ? pngPath.substr(0, dot) : pngPath;
    const std::string pgw = worldFileText(view), prj = projectionWkt(view.projection());
    if (prj.empty()) return Error{"cannot build the WKT for EPSG:" + std::to_string(epsgCode(view.projection()))};
    auto bytes = [](const std::string& s) {
        return std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(s.data()), s.size());
    };
    if (Status s = writeFileAtomically(base + ".pgw", bytes(pgw)); !s) return s;
    if (Status s = writeFileAtomically(base + ".prj", bytes(prj)); !s) return s;
    // GDAL's PNG driver (and so QGIS) takes the CRS from a PAM sidecar, not from .prj.
    const std::string pam = "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">" + projectionWkt(view.projection(), false) +
                            "</SRS>\n</PAMDataset>\n";
    return writeFileAtomically(pngPath + ".aux.xml", bytes(pam));
}

}  // namespace briefmap::geo
