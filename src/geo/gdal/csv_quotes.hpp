// A quote that is never closed makes GDAL's CSV reader (like most) read the rest of the file into
// one field: rows vanish without a word. Found before GDAL reads, with where the quote opened.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace briefmap::geo {

struct QuotePosition {
    size_t line = 0, column = 0;  // 1-based; column in bytes
};

// GDAL's rule (CSVReadParseLine2L): a record goes on while it holds an odd number of quotes, so a
// file with an odd number of '"' ends inside a quoted field. Returns where that field's quote
// opened ('""' inside a quoted field is an escaped quote and does not move it); nothing when every
// quote closes.
std::optional<QuotePosition> findUnclosedQuote(std::string_view text);

}  // namespace briefmap::geo
