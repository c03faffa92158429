// GDAL, loaded when it is needed: the code that reads geodata files and builds WKT lives in a
// plugin (libbriefmap_gdal.so, built from src/geo/gdal/) that is opened on first use. Linking GDAL
// into the program made every start load its ~110 shared libraries (~70 ms on these machines), also
// for commands that never read geodata (draft, geocode, extract, validate).
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"
#include "geo/basemap.hpp"
#include "geo/feature_table.hpp"

namespace briefmap::geo {

// What the plugin offers. Both sides are built together, so C++ types cross the boundary.
struct GdalApi {
    int version = 1;
    // Countries (id, name, rings as read: not unwrapped), from a FlatGeobuf/GeoJSON/TopoJSON file.
    Status (*readCountries)(const std::string& path, std::vector<Country>& out);
    // Line paths (lon/lat, as read).
    Status (*readLines)(const std::string& path, std::vector<Ring>& out);
    // Admin-1 label points with their names.
    Status (*readRegionLabels)(const std::string& path, std::vector<RegionLabel>& out);
    // ESRI WKT1 (esri) or WKT2 of an EPSG code, from PROJ's database; "" on failure.
    std::string (*projectionWkt)(int epsg, bool esri);
    // Every row of a vector file (CSV, GeoJSON, GeoPackage, Shapefile, KML, GPX, FlatGeobuf), confined to
    // that file: no network, no other files.
    Status (*readTable)(const std::string& path, const TableReadOptions& options, TableSink& sink);
};

// Opens the plugin once ($BRIEFMAP_GDAL_PLUGIN, else beside the executable, else the build tree);
// the error names the file and why it could not be opened.
Result<const GdalApi*> gdalApi();

}  // namespace briefmap::geo
