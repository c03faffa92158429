// A synthetic briefing of any size, written as a real briefing file (JSON + article text), for the
// load and render benchmarks and the stress scene: it exercises the same reader, geocoder and quote
// checks as a hand-written briefing.
#pragma once
#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace briefmap::model {

struct SyntheticOptions {
    size_t events = 100000;  // events at places
    size_t flows = 10000;    // flow events, on top of `events`
    size_t places = 2000;    // distinct places: a few dozen gazetteer names, the rest with coordinates
    unsigned seed = 1;
};

// Writes DIR/synthetic.json and DIR/article.txt; returns the briefing's path.
Result<std::string> writeSyntheticBriefing(const std::string& dir, const SyntheticOptions& options);

}  // namespace briefmap::model
