#include "geo/gdal/csv_quotes.hpp"

namespace briefmap::geo {

std::optional<QuotePosition> findUnclosedQuote(std::string_view text) {
    bool inQuotes = false;
    size_t line = 1, lineStart = 0, closedAt = std::string_view::npos;
    QuotePosition opened;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
        } else if (c == '"') {
            if (inQuotes) {
                inQuotes = false;
                closedAt = i;
            } else {
                inQuotes = true;
                if (closedAt == std::string_view::npos || closedAt + 1 != i) opened = {line, i - lineStart + 1};
            }
        }
    }
    if (inQuotes) return opened;
    return std::nullopt;
}

}  // namespace briefmap::geo
