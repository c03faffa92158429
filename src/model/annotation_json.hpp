// Annotations as the briefing file writes them (docs/briefing-format.md, "annotations"):
//   {"kind": "range_ring", "at": "Pyongyang", "radius_km": 1000, "text": "KN-23 (about 900 km)"}
//   {"kind": "ruler", "from": "Pyongyang", "to": [36.19, 51.73]}
//   {"kind": "label", "at": [129.7, 42.4], "text": "Tumen crossing", "start": "2024-10"}
//   {"kind": "arrow", "from": "Khasan", "to": "Vladivostok", "color": "#ffcc00"}
// A point is a place's name (resolved like an event's places) or [longitude, latitude].
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>

#include "model/annotation.hpp"
#include "model/json_fields.hpp"

namespace briefmap::model {

// Reads one element of "annotations"; a problem per bad field (nothing returned then). `namePlace`
// is called for every place named, with the JSON path naming it (the reader interns it there).
std::optional<Annotation> readAnnotation(JsonFields& fields, const nlohmann::json& value, const std::string& path,
                                         const std::function<void(const std::string& name, const std::string& path)>& namePlace);

nlohmann::ordered_json annotationJson(const Annotation& annotation);

}  // namespace briefmap::model
