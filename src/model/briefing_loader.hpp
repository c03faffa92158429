// Opens a briefing from any supported file — briefing JSON, or data GDAL reads (CSV, GeoJSON,
// GeoPackage, Shapefile, KML, GPX, FlatGeobuf: model/table_import) — resolves its places with the geocoder and reports every problem with file, line:column and
// path. The one entry point the window, `export`, `validate` and `convert` share.
#pragma once
#include <string>

#include "geo/geocoder.hpp"
#include "model/briefing.hpp"
#include "model/diagnostic.hpp"
#include "model/table_import.hpp"

namespace briefmap::model {

enum class DataFormat { Briefing, GeoJson, Csv, OtherData, Store };

struct LoadedBriefing {
    Briefing briefing;
    DataFormat format = DataFormat::Briefing;
    Diagnostics problems;  // empty when the file is valid
    ImportReport report;   // imported data: rows read, skipped and why, formats chosen
    // Read from the event store: the briefing's name there, and the versions read (the briefing's
    // own and each event's), which edits written back name so that nobody's edit is overwritten.
    struct StoreVersions {
        std::string name;
        int head = 0;
        std::vector<std::pair<std::string, int>> events;
        bool partial = false;  // a query (area, time, limit) left events out
        bool truncated = false;          // the limit cut events off
        std::optional<GeoBounds> area;   // the area asked for (none: everywhere)
        std::optional<DayNumber> from, to;  // the time asked for (none: all time)
        std::optional<DayNumber> firstDay, lastDay;  // of all the briefing's events in the store
        std::string readPath;  // the path it was read as: its article texts are beside it (a cache)
    };
    std::optional<StoreVersions> store;
    bool ok() const { return problems.empty(); }
    // Read from a table of rows (not a briefing: not editable as one). A store holds briefings.
    bool imported() const { return format != DataFormat::Briefing && format != DataFormat::Store; }
};

// Whether `path` is read as data (by extension; a .json file is data when it is a FeatureCollection).
bool isDataFile(const std::string& path);

inline constexpr size_t kMaxDataFileBytes = 256u << 20;

LoadedBriefing loadBriefingFile(const std::string& path, const geo::Geocoder& geocoder, const ImportOptions& options = {});

// Sources that are not files ("PG:dbname=…": the event store) are opened by the layer that
// implements them, registered at start (main, tests), so the model links no database client.
// loadBriefingFile hands an address with a registered prefix to its opener.
using DataSourceOpener = LoadedBriefing (*)(const std::string& address, const geo::Geocoder& geocoder, const ImportOptions& options);
void registerDataSource(const std::string& prefix, DataSourceOpener opener);
bool isDataSourceAddress(const std::string& path);
// Briefing JSON already in memory, read as if it were the file at `path` (articles relative to it):
// an edited briefing checked before it is saved.
LoadedBriefing loadBriefingText(const std::string& path, std::string_view text, const geo::Geocoder& geocoder,
                                const ImportOptions& options = {});
// The same with the default gazetteer (geo::Gazetteer::defaultPath()), loaded for this call.
LoadedBriefing loadBriefingFile(const std::string& path, const ImportOptions& options = {});

// Geocodes every place without coordinates; a place that does not resolve (or only to a typo-close
// name) is reported at the first path naming it.
void resolvePlaces(Briefing& briefing, const geo::Geocoder& geocoder, const std::vector<PlaceRef>& placePaths,
                   const std::string& file, Diagnostics& problems);

// $BRIEFMAP_BRIEFING, else the seed briefing in the source tree's assets/briefings/.
std::string defaultBriefingPath();

}  // namespace briefmap::model
