// The one place briefmap talks to GDAL's vector API: safe, read-only opening of local files.
#pragma once
#include <functional>
#include <string>

#include "core/geo_types.hpp"
#include "core/result.hpp"

class OGRFeature;
class OGRGeometry;

namespace briefmap::geo {

// Opens `path` read-only with only the FlatGeobuf/GeoJSON/TopoJSON drivers, never a network or /vsi path, and
// calls `onFeature` for each feature of each layer. GDAL's messages are captured into the error.
// `layer`: only that layer (TopoJSON files hold several); empty: every layer.
Status forEachFeature(const std::string& path, const std::string& layer,
                      const std::function<void(OGRFeature&)>& onFeature);

// Appends the rings (polygons) or paths (lines) of a geometry as lon/lat vertex lists.
void collectRings(const OGRGeometry* geometry, std::vector<Ring>& out);

}  // namespace briefmap::geo
