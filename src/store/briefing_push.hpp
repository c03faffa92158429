// Writing a briefing into the store with optimistic concurrency: every event has a version, and a
// writer names the versions it started from (its "base": what it pulled, loaded or pushed last). An
// event changed in the store since then is a conflict: the whole write is refused, nothing is
// overwritten, and each conflict is named. Used by `briefmap push` and by the window's write-through.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "model/briefing.hpp"
#include "model/briefing_edits.hpp"
#include "store/pg_connection.hpp"

namespace briefmap::store {

// The versions a writer last saw: the briefing's own members (`head`) and each event's.
struct BaseVersions {
    int head = 0;  // 0: never seen
    std::unordered_map<std::string, int> events;
};

struct PushOptions {
    std::string name;           // the briefing's name in the store
    std::string briefingDir;    // where its relative article paths start (originals are read from there)
    std::string fileText;       // the file as written (kept so that pulls keep its formatting); may be empty
    bool force = false;         // overwrite conflicts instead of refusing
    bool complete = true;       // `briefing` is the whole briefing (a file), not a loaded part of it
};

struct PushReport {
    size_t inserted = 0, updated = 0, deleted = 0, unchanged = 0;
    bool headChanged = false;
    std::vector<std::string> conflicts;  // one line each; non-empty means nothing was written
    std::vector<std::string> conflictingEvents;  // the ids of the events in conflict
    BaseVersions versions;               // the store's versions after the write, for the next one
};

// Creates or migrates the schema first. A briefing new to the store is created.
Result<PushReport> pushBriefing(Connection& conn, const model::Briefing& briefing, const BaseVersions& base,
                                const PushOptions& options);

// Writes only what `touched` names (an editor's changes since its last write): those events (one no
// longer in `briefing` is removed), the places and articles named, the head when it changed. The
// briefing must already be in the store. Same versions and conflicts as a push.
Result<PushReport> writeChanges(Connection& conn, const model::Briefing& briefing, const model::Touched& touched,
                                const BaseVersions& base, const PushOptions& options);

}  // namespace briefmap::store
