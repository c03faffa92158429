// ACLED-style CSV → the briefing model. Columns (by header name, any order, others ignored):
// event_date, event_type, sub_event_type, actor1, [actor2], location, latitude, longitude, notes,
// source, [kind, cargo]. Rows without coordinates are geocoded from `location`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/briefing.hpp"
#include "model/diagnostic.hpp"

namespace briefmap::model {

// RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines.
struct CsvField {
    std::string text;
    size_t line = 0, column = 0;  // where the field starts, 1-based
};
using CsvRecord = std::vector<CsvField>;

// Splits the whole text; false with `error` set (and its position) on an unterminated quote.
bool parseCsv(std::string_view text, std::vector<CsvRecord>& records, Diagnostic& error);

void readAcledCsv(std::string_view text, const std::string& file, Briefing& out,
                  std::vector<PlaceRef>& placePaths, Diagnostics& problems);

}  // namespace briefmap::model
