// One problem found in an input file, printed as one line: "FILE:LINE:COL: PATH: reason".
#pragma once
#include <string>
#include <vector>

namespace briefmap::model {

struct Diagnostic {
    std::string file;
    size_t line = 0, column = 0;  // 1-based; 0 when the problem has no position (a missing file)
    std::string path;             // JSON path ("events[3].start") or CSV column; may be empty
    std::string message;

    std::string text() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace briefmap::model

namespace briefmap::model {

// Where a place was first named, for reporting a place that does not resolve.
struct PlaceRef {
    std::string path;
    size_t line = 0, column = 0;  // set by readers that know positions (CSV)
};

}  // namespace briefmap::model
