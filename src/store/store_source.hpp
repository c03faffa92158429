// `--data PG:…` for the window, export, validate and convert: the store registered as a data source
// of the model's loader, so every reader of briefings opens it the same way as a file.
#pragma once
#include <string>

#include "core/result.hpp"
#include "store/briefing_pull.hpp"

namespace briefmap::store {

// Called once at start (main, tests): "PG:" addresses open the store.
void registerStoreDataSource();

// Writes a pulled briefing's article texts and originals under `dir` (only those that differ from
// what is there, each atomically).
Status writeStoredFiles(const PulledBriefing& pulled, const std::string& dir);

// Where --data PG:… keeps the article texts it read (the loader checks quotes against files):
// $XDG_CACHE_HOME/briefmap/store/<address and briefing>/.
std::string storeCacheDir(const StoreAddress& address, const std::string& briefing);

}  // namespace briefmap::store
