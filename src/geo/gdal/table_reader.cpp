// Any vector file GDAL reads → TableSink rows of strings and WGS84 lon/lat geometry.
//
// Confinement: the file is read into memory and opened from /vsimem/, so GDAL cannot open any other
// file (no .csvt or .prj beside a CSV, no file a VRT or a GeoJSON names, no URL); only a Shapefile's
// own parts (.shx, .dbf, .prj, .cpg with the same base name) are copied in beside it. Only the
// drivers named in kDrivers are allowed.
#include "geo/gdal/csv_quotes.hpp"
#include "geo/gdal/gdal_lockdown.hpp"
#include "geo/gdal/table_reader.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <unistd.h>

namespace briefmap::geo {

namespace {

constexpr size_t kMaxTableFileBytes = 256u << 20;
const char* const kDrivers[] = {"CSV", "GeoJSON", "GeoJSONSeq", "GPKG", "FlatGeobuf", "ESRI Shapefile", "LIBKML", "KML", "GPX",
                                "TopoJSON", nullptr};

void registerTableDriversOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        lockDownGdalOnce();
        RegisterOGRCSV();
        RegisterOGRGeoJSON();
        RegisterOGRGeoJSONSeq();
        RegisterOGRFlatGeobuf();
        RegisterOGRShape();
        RegisterOGRLIBKML();  // before KML: it reads TimeStamp and TimeSpan into fields
        RegisterOGRKML();
        RegisterOGRGPX();
        RegisterOGRTopoJSON();
        RegisterOGRGeoPackage();
    });
}

std::string lowerExtension(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// A file copied into /vsimem/ and removed from it when done.
class MemoryFile {
public:
    MemoryFile(std::string name, std::string bytes) : m_name(std::move(name)), m_bytes(std::move(bytes)) {
        VSILFILE* f = VSIFileFromMemBuffer(m_name.c_str(), reinterpret_cast<GByte*>(m_bytes.data()), m_bytes.size(), FALSE);
        if (f) VSIFCloseL(f);
    }
    ~MemoryFile() { VSIUnlink(m_name.c_str()); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

private:
    std::string m_name, m_bytes;
};

Result<std::string> readWhole(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return Error{path.string() + ": cannot read: " + ec.message()};
    if (size > kMaxTableFileBytes)
        return Error{path.string() + ": file is " + std::to_string(size >> 20) + " MiB; the limit is " +
                     std::to_string(kMaxTableFileBytes >> 20) + " MiB"};
    std::string bytes(size, '\0');
    std::ifstream in(path, std::ios::binary);
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return Error{path.string() + ": cannot read"};
    return bytes;
}

// Text has few control bytes (NUL included) in its first 4 KiB; anything else is some binary format.
bool looksBinary(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 4096);
    size_t control = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    return control * 20 > head.size();
}

void addRing(const OGRSimpleCurve& curve, std::vector<Ring>& rings) {
    Ring ring;
    ring.reserve(static_cast<size_t>(curve.getNumPoints()));
    for (int i = 0; i < curve.getNumPoints(); ++i) ring.push_back({curve.getX(i), curve.getY(i)});
    rings.push_back(std::move(ring));
}

void flatten(const OGRGeometry* g, std::vector<GeometryPart>& parts) {
    if (!g || g->IsEmpty()) return;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
        const OGRPoint* p = g->toPoint();
        parts.push_back({GeometryPart::Type::Point, {Ring{{p->getX(), p->getY()}}}});
        break;
    }
    case wkbLineString:
        parts.push_back({GeometryPart::Type::Line, {}});
        addRing(*g->toLineString(), parts.back().rings);
        break;
    case wkbPolygon:
        parts.push_back({GeometryPart::Type::Polygon, {}});
        for (const OGRLinearRing* ring : *g->toPolygon()) addRing(*ring, parts.back().rings);
        break;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *g->toGeometryCollection()) flatten(part, parts);
        break;
    default:
        if (g->hasCurveGeometry()) {
            std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
            flatten(linear.get(), parts);
        }
        break;
    }
}

// GDAL prints dates as "2024/03/12 15:30:00+00"; the importer reads ISO 8601.
std::string isoDateTime(OGRFeature& feature, int field, bool dateOnly) {
    int y = 0, m = 0, d = 0, h = 0, min = 0, tz = 0;
    float sec = 0;
    if (!feature.GetFieldAsDateTime(field, &y, &m, &d, &h, &min, &sec, &tz)) return feature.GetFieldAsString(field);
    char buf[48];
    if (dateOnly) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, h, min, static_cast<int>(sec));
    std::string out = buf;
    if (tz == 100) {
        out += "Z";
    } else if (tz > 1) {  // 100 ± quarter hours from UTC
        const int quarter = tz - 100;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", quarter < 0 ? '-' : '+', std::abs(quarter) / 4, std::abs(quarter) % 4 * 15);
        out += buf;
    }
    return out;
}

std::string describeCrs(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority && code) return std::string(authority) + ":" + code;
    const char* name = srs.GetName();
    return name ? name : "a custom CRS";
}

}  // namespace

Status readTable(const std::string& path, const TableReadOptions& options, TableSink& sink) {
    registerTableDriversOnce();
    if (path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos)
        return Error{path + ": only local files are read"};
    std::error_code ec;
    const std::filesystem::path source(path);
    if (!std::filesystem::is_regular_file(source, ec)) return Error{path + ": no such file"};
    Result<std::string> bytes = readWhole(source);
    if (!bytes) return Error{bytes.error().message};
    const uint64_t fileBytes = bytes->size();
    if (fileBytes == 0) return Error{path + ": empty file"};
    std::string ext = lowerExtension(source);
    const bool csv = ext == ".csv" || ext == ".tsv" || ext == ".txt";
    if (csv) {
        if (std::optional<QuotePosition> q = findUnclosedQuote(*bytes))
            return Error{path + ":" + std::to_string(q->line) + ":" + std::to_string(q->column) +
                         ": a quote opens here and is never closed; every row after it would be read as one field"};
        if (looksBinary(*bytes)) return Error{path + ": binary data, not CSV text"};
    }

    static std::atomic<unsigned> counter{0};
    const std::string dir = "/vsimem/briefmap-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "/";
    if (ext == ".json") ext = ".geojson";  // GDAL probes .json as GeoJSON anyway; the name helps GeoJSONSeq vs GeoJSON
    const std::string stem = "data";
    std::vector<std::unique_ptr<MemoryFile>> files;
    files.push_back(std::make_unique<MemoryFile>(dir + stem + ext, std::move(*bytes)));
    if (ext == ".shp")
        for (const char* part : {".shx", ".dbf", ".prj", ".cpg"}) {
            std::filesystem::path sibling = source;
            sibling.replace_extension(part);
            if (!std::filesystem::is_regular_file(sibling, ec)) {
                std::string upper = part;
                for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                sibling.replace_extension(upper);
                if (!std::filesystem::is_regular_file(sibling, ec)) continue;
            }
            Result<std::string> partBytes = readWhole(sibling);
            if (partBytes) files.push_back(std::make_unique<MemoryFile>(dir + stem + part, std::move(*partBytes)));
        }

    CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    CPLErrorReset();
    std::string geomNames;
    for (const std::string& name : options.geometryColumns) geomNames += (geomNames.empty() ? "" : ",") + name;
    const std::string geomOption = "GEOM_POSSIBLE_NAMES=" + geomNames;
    const char* csvOptions[] = {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=NO", "EMPTY_STRING_AS_NULL=YES", geomOption.c_str(), nullptr};
    const char* geojsonOptions[] = {"DATE_AS_STRING=YES", "NATIVE_DATA=NO", nullptr};
    const std::string memPath = dir + stem + ext;
    GDALDatasetUniquePtr ds(GDALDataset::Open(memPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kDrivers,
                                              csv ? csvOptions : ext == ".geojson" ? geojsonOptions : nullptr));
    if (!ds) {
        std::string why = CPLGetLastErrorMsg();
        if (why.find("/vsimem/") != std::string::npos) why.clear();  // names our private copy, not the user's file
        return Error{path + ": not a file briefmap can import (CSV, GeoJSON, GeoPackage, Shapefile, KML, GPX, FlatGeobuf)" +
                     (why.empty() ? "" : ": " + why)};
    }
    const std::string driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    bool anyLayer = false;
    for (OGRLayer* layer : ds->GetLayers()) {
        if (!options.layer.empty() && options.layer != layer->GetName()) continue;
        const std::string layerName = layer->GetName();
        // GPX repeats every track and route vertex as a point layer: the lines are enough.
        if (driver == "GPX" && (layerName == "track_points" || layerName == "route_points")) continue;
        anyLayer = true;
        TableInfo info;
        info.driver = driver;
        info.layer = layerName;
        info.fileBytes = fileBytes;
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) info.columns.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
        if (driver == "CSV" && defn->GetGeomFieldCount() > 0) info.geometryColumn = defn->GetGeomFieldDefn(0)->GetNameRef();
        std::unique_ptr<OGRCoordinateTransformation> toWgs84;
        if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
            OGRSpatialReference copy(*srs);
            copy.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            if (!copy.IsSame(&wgs84) && !(copy.IsGeographic() && copy.GetSemiMajor() == wgs84.GetSemiMajor() &&
                                          copy.GetInvFlattening() == wgs84.GetInvFlattening())) {
                info.crs = describeCrs(copy);
                toWgs84.reset(OGRCreateCoordinateTransformation(&copy, &wgs84));
                if (!toWgs84) return Error{path + ": layer '" + layerName + "': cannot transform " + info.crs + " to WGS84"};
            }
        }
        if (!sink.begin(info)) return Done{};
        TableRow row;
        // GDAL's GetFieldAsString reuses one buffer per feature for numbers and dates: copy each value.
        std::vector<std::string> values(info.columns.size());
        uint64_t number = 0;
        for (const auto& feature : *layer) {
            row.number = ++number;
            row.values.assign(info.columns.size(), nullptr);
            for (int i = 0; i < static_cast<int>(info.columns.size()); ++i) {
                if (!feature->IsFieldSetAndNotNull(i)) continue;
                std::string& value = values[static_cast<size_t>(i)];
                const OGRFieldType type = defn->GetFieldDefn(i)->GetType();
                if (type == OFTDate || type == OFTDateTime) {
                    value = isoDateTime(*feature, i, type == OFTDate);
                } else if (type == OFTStringList) {
                    value.clear();
                    for (char** s = feature->GetFieldAsStringList(i); s && *s; ++s) value += (value.empty() ? "" : "; ") + std::string(*s);
                } else {
                    value = feature->GetFieldAsString(i);
                }
                row.values[static_cast<size_t>(i)] = value.c_str();
            }
            row.geometry.clear();
            row.geometryProblem.clear();
            if (OGRGeometry* g = feature->GetGeometryRef()) {
                if (toWgs84 && g->transform(toWgs84.get()) != OGRERR_NONE)
                    row.geometryProblem = "coordinates cannot be transformed from " + info.crs + " to WGS84";
                else
                    flatten(g, row.geometry);
            }
            if (!sink.row(row)) return Done{};
        }
        if (CPLGetLastErrorType() >= CE_Failure) {
            std::string why = CPLGetLastErrorMsg();
            return Error{path + ": " + (why.empty() ? "read error" : why)};
        }
    }
    if (!anyLayer) return Error{path + (options.layer.empty() ? ": no layers" : ": no layer '" + options.layer + "'")};
    return Done{};
}

}  // namespace briefmap::geo
