// The briefing JSON format (docs/briefing-format.md) → the model, with a problem per bad field.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "model/briefing.hpp"
#include "model/diagnostic.hpp"

namespace briefmap::model {

// Reads `doc` into `out`. Article files are read relative to `baseDir`, and every quote is checked
// against its article's bytes. `placePaths[i]` is the first JSON path naming out.places[i], where a
// place that does not resolve is reported. Problems carry paths, not positions.
void readBriefingJson(const nlohmann::json& doc, const std::string& baseDir, Briefing& out,
                      std::vector<PlaceRef>& placePaths, Diagnostics& problems);

// Reads an article file: regular, at most 16 MiB, valid UTF-8.
Result<std::string> readArticleText(const std::string& path);

}  // namespace briefmap::model
