// Reading a briefing back from the store: whole (`briefmap pull`) or only what a view draws (the
// window and `export` with --data PG:…: an area and a time range pushed down to SQL, served by the
// GiST index on geometry and the B-tree on time).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/geo_types.hpp"
#include "model/date.hpp"
#include "store/briefing_push.hpp"
#include "store/pg_connection.hpp"

namespace briefmap::store {

struct StoreQuery {
    std::optional<GeoBounds> area;        // events with a place, flow end or area in it (east > 180: across the antimeridian)
    std::optional<model::DayNumber> from;  // events whose interval reaches this day or later
    std::optional<model::DayNumber> to;    // events starting on or before this day
    size_t limit = 0;                     // at most this many events (0: all), in file order
};

struct StoredFile {
    std::string path;   // relative to the briefing, as its article entry writes it
    std::string bytes;
};

struct PulledBriefing {
    std::string name;
    std::string json;                 // the briefing file's JSON (articles, places, events filled in)
    std::vector<StoredFile> files;    // article texts and originals, at their relative paths
    std::string fileText, fileJson;   // the file as last pushed, and its canonical form (empty if none)
    BaseVersions versions;            // of what was read
    size_t events = 0;
    bool truncated = false;           // the query's limit cut events off
    std::vector<std::string> notes;   // originals not written (their path leaves the folder)
    std::optional<model::DayNumber> firstDay, lastDay;  // of every dated event in the store (partial reads only)
};

// `requested` empty: the store's only briefing (an error names them when there are several).
Result<std::string> resolveBriefingName(Connection& conn, const std::string& requested);
Result<PulledBriefing> pullBriefing(Connection& conn, const std::string& name, const StoreQuery& query = {});

// A relative path that stays inside its folder ("texts/a.txt", not "/etc/x" or "../x").
bool isContainedPath(const std::string& relative);

}  // namespace briefmap::store
