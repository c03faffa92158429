// GDAL vector reading with network access and sibling-file probing switched off.
#include "geo/gdal/gdal_lockdown.hpp"
#include "geo/gdal/gdal_reader.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <mutex>

namespace briefmap::geo {

namespace {

void configureGdalOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        lockDownGdalOnce();
        // Only the formats briefmap reads: less start-up time and less attack surface.
        RegisterOGRFlatGeobuf();
        RegisterOGRGeoJSON();
        RegisterOGRTopoJSON();
    });
}

bool looksRemoteOrVirtual(const std::string& path) {
    return path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos;
}

void appendRing(const OGRLineString& line, std::vector<Ring>& out) {
    Ring ring;
    ring.reserve(static_cast<size_t>(line.getNumPoints()));
    for (int i = 0; i < line.getNumPoints(); ++i) ring.push_back({line.getX(i), line.getY(i)});
    if (ring.size() >= 2) out.push_back(std::move(ring));
}

}  // namespace

Status forEachFeature(const std::string& path, const std::string& layerName,
                      const std::function<void(OGRFeature&)>& onFeature) {
    configureGdalOnce();
    if (looksRemoteOrVirtual(path)) return Error{path + ": only local files are read"};
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return Error{path + ": no such file"};

    CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    CPLErrorReset();
    const char* const drivers[] = {"FlatGeobuf", "GeoJSON", "TopoJSON", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!ds) {
        std::string why = CPLGetLastErrorMsg();
        return Error{path + ": cannot read as FlatGeobuf/GeoJSON/TopoJSON" + (why.empty() ? "" : ": " + why)};
    }
    size_t features = 0;
    for (OGRLayer* layer : ds->GetLayers()) {
        if (!layerName.empty() && layerName != layer->GetName()) continue;
        for (const auto& feature : *layer) {
            onFeature(*feature);
            ++features;
        }
    }
    if (CPLGetLastErrorType() >= CE_Failure)
        return Error{path + ": " + CPLGetLastErrorMsg()};
    if (features == 0) return Error{path + ": no features" + (layerName.empty() ? "" : " in layer '" + layerName + "'")};
    return Done{};
}

void collectRings(const OGRGeometry* geometry, std::vector<Ring>& out) {
    if (!geometry) return;
    switch (wkbFlatten(geometry->getGeometryType())) {
    case wkbPolygon:
        for (const OGRLinearRing* ring : *geometry->toPolygon()) appendRing(*ring, out);
        break;
    case wkbLineString:
        appendRing(*geometry->toLineString(), out);
        break;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *geometry->toGeometryCollection()) collectRings(part, out);
        break;
    default:
        break;
    }
}

}  // namespace briefmap::geo
