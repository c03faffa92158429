// The model → a GeoJSON FeatureCollection (RFC 7946) for QGIS and kepler.gl: one feature per event,
// a Point (or MultiPoint) at its places or a LineString along its flow, with flat properties those
// tools filter on (kind, start/end as ISO dates, cargo, quantity, status) plus the quoted sources.
#pragma once
#include <nlohmann/json.hpp>

#include "model/briefing.hpp"

namespace briefmap::model {

nlohmann::json briefingToGeoJson(const Briefing& briefing);

}  // namespace briefmap::model
