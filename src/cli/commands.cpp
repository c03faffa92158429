// The subcommand table and process-start timing.
#include "cli/commands.hpp"

#include <time.h>

#include <cstdlib>

namespace briefmap::cli {

namespace {
double g_startNs = 0;
double monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}
}  // namespace

void markProcessStart() {
    g_startNs = monotonicNs();
    if (const char* again = std::getenv("BRIEFMAP_REEXEC_START_NS"); again && *again) {
        g_startNs = std::strtod(again, nullptr);  // this process was re-executed (reexecWithHugePageMalloc)
        unsetenv("BRIEFMAP_REEXEC_START_NS");
    }
    if (const char* spawn = std::getenv("BRIEFMAP_SPAWN_NS"); spawn && *spawn) g_startNs = std::strtod(spawn, nullptr);
}

double processStartNs() { return g_startNs; }

double msSinceProcessStart() { return (monotonicNs() - g_startNs) / 1e6; }

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"export", "render the map headless to a PNG (--out, --size, --bbox, --projection, --theme, --world-file)",
         runExport},
        {"geocode", "place names to coordinates, offline (--context, --country, --top, --jsonl)", runGeocode},
        {"validate", "check briefings, GeoJSON or CSV files: one line per problem (file:line:col: path: reason)",
         runValidate},
        {"extract", "find and resolve the places articles name: JSON mentions with byte offsets (--demonyms, --out)",
         runExtract},
        {"draft", "draft sourced events from new articles (.txt, .html) into a briefing (--out, --into, --jsonl, --explain)",
         runDraft},
        {"merge", "merge briefings drafted in parts (a corpus on several workers) into one (--out, --into)", runMerge},
        {"push", "write a briefing into the shared PostGIS event store (--to PG:…; refuses to overwrite others' edits)", runPush},
        {"pull", "write a briefing from the PostGIS store to a file, articles' texts included (--out)", runPull},
        {"convert", "write a briefing, GeoJSON or CSV file out as GeoJSON (--to geojson, --out)", runConvert},
        {"gazetteer-build", "rebuild geodata/gazetteer.bin from its sources (used by scripts/build-geodata.sh)",
         runGazetteerBuild},
    };
    return table;
}

const Command* findCommand(const std::string& name) {
    for (const Command& c : commands())
        if (name == c.name) return &c;
    return nullptr;
}

}  // namespace briefmap::cli
