// Subcommand table: name → handler. Exit codes: 0 ok, 1 bad data/runtime failure, 2 usage error.
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"
#include "model/diagnostic.hpp"
#include "render/map_renderer.hpp"

namespace briefmap::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInterrupted = 130;  // Ctrl+C: stopped cleanly, nothing written

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& commands();
const Command* findCommand(const std::string& name);

int runExport(const std::vector<std::string>& args);
int runGeocode(const std::vector<std::string>& args);
int runGazetteerBuild(const std::vector<std::string>& args);
int runValidate(const std::vector<std::string>& args);
int runConvert(const std::vector<std::string>& args);
int runExtract(const std::vector<std::string>& args);
int runDraft(const std::vector<std::string>& args);
int runMerge(const std::vector<std::string>& args);
int runPush(const std::vector<std::string>& args);
int runPull(const std::vector<std::string>& args);

// "basemap,places,flows,labels,legend" (any subset, any order).
Result<render::MapLayers> parseLayers(const std::string& text);

// Prints load problems to stderr, one line each (at most 200, then a count).
void printProblems(const model::Diagnostics& problems);

// Milliseconds since the process started: from $BRIEFMAP_SPAWN_NS (CLOCK_MONOTONIC at spawn, set by
// the benchmark) when present, else since main() began.
double msSinceProcessStart();
double processStartNs();  // monotonic clock, as markProcessStart saw it
void markProcessStart();

}  // namespace briefmap::cli
