// The model → briefing JSON, the inverse of the reader (briefing_json.hpp): what `draft` writes and
// what an edited briefing is saved as. Remarks and extensions ("note…", "x-…") are written back, events
// in their file order (new ones last), only the places the file declared in `places`.
#pragma once
#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "model/briefing.hpp"

namespace briefmap::model {

// Article `file`/`original` are written as they are in the model (relative to where the briefing
// will be written: the caller sets them). Ends with a newline.
std::string briefingJson(const Briefing& briefing);
// One event as it appears in the file, on one line (for JSON Lines output).
// One event as the file writes it, as a JSON value.
nlohmann::ordered_json eventJsonValue(const Briefing& briefing, const Event& event);
std::string eventJsonLine(const Briefing& briefing, const Event& event);

// The place names (places, flow ends and waypoints) and article ids (sources) an event as the file
// writes it refers to: the parts of a briefing that one event needs to be read on its own.
void eventJsonReferences(const nlohmann::ordered_json& event, std::set<std::string>& placeNames, std::set<std::string>& articleIds);

}  // namespace briefmap::model
