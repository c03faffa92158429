// Where in a JSON text a value sits, by its path ("events[3].sources[0].start"): nlohmann::json keeps
// no positions, so error reports find them afterwards by scanning the text once, without recursion.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/diagnostic.hpp"

namespace briefmap::model {

struct TextPosition {
    size_t line = 1, column = 1;  // 1-based; the column counts UTF-8 code points
};

// Byte offsets of the values at `paths` that exist in `text`.
std::unordered_map<std::string, size_t> locateJsonPaths(std::string_view text,
                                                         const std::unordered_set<std::string>& paths);

TextPosition positionAt(std::string_view text, size_t offset);

// The elements of the array at `key` of the top-level object, found by a structural scan (no values
// decoded): [begin, end) byte ranges, and where the array opens and closes. Nothing when the text is
// not an object holding exactly one such array, or is malformed where the scan looks.
struct ArrayElements {
    size_t open = 0, close = 0;  // offsets of '[' and ']'
    std::vector<std::pair<size_t, size_t>> elements;
};
std::optional<ArrayElements> findTopLevelArray(std::string_view text, std::string_view key);

// Fills line:column for problems that carry only a JSON path, looking each path up once.
void locateProblems(std::string_view text, Diagnostics& problems);

// The path minus its last component ("events[3].start" → "events[3]"; "events[3]" → "events").
std::string parentJsonPath(const std::string& path);

}  // namespace briefmap::model
