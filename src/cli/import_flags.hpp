// The flags every command that opens data shares: --columns ROLE=COLUMN,… and --strict; and the
// import report printed the same way everywhere (skipped rows, formats chosen, the summary).
#pragma once
#include <cstdio>

#include "cli/flags.hpp"
#include "model/briefing_loader.hpp"

namespace briefmap::cli {

inline constexpr const char* kImportFlagsUsage =
    "[--columns ROLE=COLUMN,...] [--strict]\n"
    "  --columns: say which column is which (roles: lat, lon, time, end, place, kind, subkind, quantity, unit,\n"
    "             text, id, actor1, actor2, source, cargo, status, from_lat, from_lon, to_lat, to_lon, from, to,\n"
    "             geometry); --strict: refuse a data file with any bad row instead of skipping the row";

Result<model::ImportOptions> importOptions(const Flags& flags);

// Skipped rows (one line each), notes and the summary line, on `out`; nothing for a briefing file.
void printImportReport(const std::string& path, const model::LoadedBriefing& loaded, std::FILE* out = stderr);

}  // namespace briefmap::cli
