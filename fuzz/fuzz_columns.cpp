// Column names and --columns mappings: recognition, pairs, the user's mapping, the messages.
#include "fuzz_support.hpp"
#include "model/column_roles.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace briefmap;
    const std::string_view s = fuzz::text(data, size);
    const size_t bar = s.find('|');
    std::vector<std::string> columns;
    const std::string_view names = s.substr(0, bar);
    for (size_t start = 0; start <= names.size() && columns.size() < 200;) {
        const size_t comma = names.find(',', start);
        columns.emplace_back(names.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    model::ColumnMapping mapping;
    if (bar != std::string_view::npos)
        if (Result<model::ColumnMapping> m = model::parseColumnMapping(s.substr(bar + 1))) mapping = std::move(*m);
    for (const bool native : {false, true}) (void)model::planColumns(columns, mapping, native);
    return 0;
}
