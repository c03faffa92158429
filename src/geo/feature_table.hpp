// Rows of any vector file GDAL reads (CSV, GeoJSON, GeoPackage, Shapefile, KML, GPX, FlatGeobuf), as
// plain strings and lon/lat geometry, handed from the GDAL plugin to the importer that maps them to
// events (model/table_import). Nothing here depends on GDAL.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/geo_types.hpp"

namespace briefmap::geo {

// One simple part of a feature's geometry, in WGS84 lon/lat: Multi* and collections are split into
// parts. A point has one ring of one vertex, a line one ring, a polygon its outer ring and holes.
struct GeometryPart {
    enum class Type : uint8_t { Point, Line, Polygon };
    Type type = Type::Point;
    std::vector<Ring> rings;
};

struct TableInfo {
    std::string driver;                // GDAL's short name: "CSV", "GeoJSON", "GPKG"…
    std::string layer;
    std::vector<std::string> columns;  // attribute fields, in file order
    std::string geometryColumn;        // the CSV column GDAL read as WKT, or "" for native geometry
    std::string crs;                   // "EPSG:3857" when the file says and it is not WGS84; else ""
    uint64_t fileBytes = 0;            // the file's size, for readers to estimate how many rows are coming
};

struct TableRow {
    uint64_t number = 0;                // 1-based data row (CSV) or feature number in the layer
    std::vector<const char*> values;    // one per column; nullptr where unset or null
    std::vector<GeometryPart> geometry; // empty when the feature has none
    std::string geometryProblem;        // why a geometry was dropped (cannot be transformed…)
};

// Receives the rows; returning false stops the reading (a preview of the first rows).
class TableSink {
public:
    virtual ~TableSink() = default;
    virtual bool begin(const TableInfo& info) = 0;
    virtual bool row(const TableRow& row) = 0;
};

struct TableReadOptions {
    // CSV columns holding WKT geometry (GDAL's GEOM_POSSIBLE_NAMES); the first present is used.
    std::vector<std::string> geometryColumns{"geometry", "the_geom", "wkt", "geom_wkt", "WKT", "geom", "shape"};
    std::string layer;  // a layer of a multi-layer file (GeoPackage, KML folders); "" = the first with features
};

}  // namespace briefmap::geo
