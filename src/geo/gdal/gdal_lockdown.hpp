// GDAL and PROJ as briefmap runs them on untrusted files: no network at all, no probing of sibling
// files. Called once before any dataset is opened (both readers in the plugin do).
#pragma once

namespace briefmap::geo {

// Sets the configuration options and replaces GDAL's HTTP layer with one that refuses every
// request (a GeoJSON "link" CRS, a KML NetworkLink, a WMS/WFS reference: all fail at once and
// offline); turns PROJ's network grids off. Idempotent and thread-safe.
void lockDownGdalOnce();

}  // namespace briefmap::geo
