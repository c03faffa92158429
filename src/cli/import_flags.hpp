// The flags every command that opens data shares: --columns ROLE=COLUMN,… and --strict; and the
// import report printed the same way everywhere (skipped rows, formats chosen, the summary).
#pragma once
#include <cstdio>

#include "cli/flags.hpp"
#include "model/briefing_loader.hpp"

namespace briefmap::cli {

// The synopsis (one line) and the explanation (indented lines) of the shared flags.
inline constexpr const char* kImportFlagsSynopsis = "[--columns ROLE=COLUMN,...] [--strict] [--article-root DIR,...]";
inline constexpr const char* kImportFlagsHelp =
    "  --columns: say which column is which (roles: lat, lon, time, end, place, kind, subkind, quantity, unit,\n"
    "             text, id, actor1, actor2, source, cargo, status, from_lat, from_lon, to_lat, to_lon, from, to,\n"
    "             geometry)\n"
    "  --strict: refuse a data file with any bad row instead of skipping the row\n"
    "  --article-root: folders a briefing may read its articles from besides its own folder tree";

Result<model::ImportOptions> importOptions(const Flags& flags);

// Skipped rows (one line each), notes and the summary line, on `out`; nothing for a briefing file.
void printImportReport(const std::string& path, const model::LoadedBriefing& loaded, std::FILE* out = stderr);

}  // namespace briefmap::cli
