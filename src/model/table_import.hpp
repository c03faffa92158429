// Imported data → the briefing model. Every file people bring (ACLED, UCDP, GDELT, USGS feeds,
// kepler.gl CSVs, anything GDAL reads) comes through one GDAL-based reader (geo/feature_table) and
// this one mapping from fields to events: columns recognised by name or named by the user, times in
// the format the column uses, geometry of every kind, source types mapped to honest kinds.
//
// Lenient by default: a row that cannot become an event is skipped with one line naming its row and
// reason, and counted; `strict` turns every such line into a problem that refuses the file.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/briefing.hpp"
#include "model/column_roles.hpp"
#include "model/diagnostic.hpp"

namespace briefmap::model {

// Limits of one import (besides the 256 MiB file size): rows or features, and bytes in one cell.
inline constexpr size_t kMaxImportRows = 2'000'000;
inline constexpr size_t kMaxCellBytes = 64u << 10;

struct ImportOptions {
    ColumnMapping columns;  // --columns
    bool strict = false;    // --strict: any bad row refuses the file
    // --article-root: folders a briefing may read articles from besides its own folder tree.
    std::vector<std::string> articleRoots;
    // What the caller will draw, for sources that can read only that (the event store): events in
    // `area` (lon/lat; east > 180 crosses the antimeridian) whose interval meets [from, to], at most
    // `limit` of them (0: no limit). Files ignore it: they are read whole.
    struct Query {
        std::optional<GeoBounds> area;
        std::optional<DayNumber> from, to;
        size_t limit = 0;
    } query;
};

struct ImportReport {
    size_t rows = 0;      // rows or features read
    size_t imported = 0;  // events made
    std::map<std::string, size_t> skippedBecause;  // "bad dates" → 5
    Diagnostics skipped;                           // one per skipped row (the first few hundred)
    std::vector<std::string> notes;                // formats chosen, encodings, CRS, pairs read as flows
    double readMs = 0, datesMs = 0, placesMs = 0, finishMs = 0;  // where the time went (benchmarks)
    size_t skippedCount() const;
    // "12,345 rows imported, 17 skipped: 12 without coordinates, 5 bad dates"
    std::string summary() const;
    void skip(Diagnostic d, const std::string& reason);
};

// Reads `path` into `out`; places named without coordinates are left for the geocoder (placePaths
// says where each was named). A file that cannot be read at all, or has no usable columns, gives one
// problem and nothing else.
void importTable(const std::string& path, const ImportOptions& options, Briefing& out, std::vector<PlaceRef>& placePaths,
                 Diagnostics& problems, ImportReport& report);

// Drops the events at (or flowing from or to) the places marked bad; returns how many.
size_t dropEventsAtPlaces(Briefing& out, const std::vector<bool>& badPlace);

// The first rows of a table as text, and how its columns would be read: for the window's import
// dialog to show before anything is imported.
struct TablePreview {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::string driver, layer;
    bool nativeGeometry = false;
    std::vector<int> roleColumn;  // per ColumnRole: the column it reads, or -1
    std::string plan;     // "lat=latitude, lon=longitude, time=event_date (d-Mon-YY), …" or the reason it cannot be read
    bool readable = false;
};
TablePreview previewTable(const std::string& path, const ColumnMapping& mapping, size_t rows = 12);

// A place for imported coordinates, named "51.73°N 36.19°E" when the data gives no name.
uint32_t placeAt(Briefing& out, std::string name, double lat, double lon, const std::string& why,
                 std::vector<PlaceRef>& placePaths, const std::string& path);

}  // namespace briefmap::model
