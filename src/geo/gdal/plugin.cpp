// The GDAL plugin's entry point and the readers it offers: base-map layers read through GDAL's
// vector API (gdal_reader), and WKT from GDAL/PROJ's spatial reference database.
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/gdal/gdal_reader.hpp"
#include "geo/gdal/table_reader.hpp"
#include "geo/gdal_plugin.hpp"

namespace briefmap::geo {

namespace {

Status readCountries(const std::string& path, std::vector<Country>& out) {
    return forEachFeature(path, "", [&](OGRFeature& f) {
        Country c;
        c.id = f.GetFieldAsString("id");
        c.name = f.GetFieldAsString("name");
        collectRings(f.GetGeometryRef(), c.rings);
        out.push_back(std::move(c));
    });
}

Status readLines(const std::string& path, std::vector<Ring>& out) {
    return forEachFeature(path, "", [&](OGRFeature& f) { collectRings(f.GetGeometryRef(), out); });
}

Status readRegionLabels(const std::string& path, std::vector<RegionLabel>& out) {
    return forEachFeature(path, "", [&](OGRFeature& f) {
        const OGRGeometry* g = f.GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) return;
        const OGRPoint* p = g->toPoint();
        RegionLabel label;
        label.anchor = {p->getX(), p->getY()};
        label.name = f.GetFieldAsString("name_en");
        if (label.name.empty()) label.name = f.GetFieldAsString("name");
        label.countryIso2 = f.GetFieldAsString("iso_a2");
        label.rank = f.GetFieldAsInteger("labelrank");
        const char* nativeField = label.countryIso2 == "RU" || label.countryIso2 == "BY" ? "name_ru"
                                  : label.countryIso2 == "UA"                              ? "name_uk"
                                  : label.countryIso2 == "KP" || label.countryIso2 == "KR" ? "name_ko"
                                                                                           : nullptr;
        if (nativeField) label.nativeName = f.GetFieldAsString(nativeField);
        out.push_back(std::move(label));
    });
}

std::string projectionWkt(int epsg, bool esri) {
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    char* wkt = nullptr;
    const char* options[] = {esri ? "FORMAT=WKT1_ESRI" : "FORMAT=WKT2_2018", nullptr};
    srs.exportToWkt(&wkt, options);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

const GdalApi kApi{2, readCountries, readLines, readRegionLabels, projectionWkt, readTable};

}  // namespace

}  // namespace briefmap::geo

extern "C" __attribute__((visibility("default"))) const briefmap::geo::GdalApi* briefmap_gdal_api_v2() {
    return &briefmap::geo::kApi;
}
