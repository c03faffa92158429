// Labels on the CPU (no GL): what to label, in which order, laid out as SDF glyph quads. Safe to
// build on a worker thread while the window and GL context are created.
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"
#include "geo/basemap.hpp"
#include "render/glyph_atlas.hpp"

namespace briefmap::render {

enum class LabelKind { Country, Region };

struct LabelSpec {
    LabelKind kind;
    LonLat anchor;
    std::string line1, line2;  // line2: native-script name, may be empty
    float size1 = 14, size2 = 11;
    double countryArea = 0;    // cos-lat square degrees, for countries: hide when too small on screen
    float width = 0, height = 0;  // laid-out size, pixels
};

// Which labels to show and in what order (countries by area, then regions by rank).
std::vector<LabelSpec> makeLabelSpecs(const geo::Basemap& data);

struct LabelVertex {
    float lon, lat;  // anchor
    float ox, oy;    // offset from the anchor, pixels, y up
    float u, v;      // atlas coordinates
    float label;     // index into specs (the placement buffer)
};

// Appends one line of glyph quads centred horizontally on `anchor` (offsets in pixels, y up; the
// baseline sits `baseline` pixels below the anchor); returns the line's width. With `out` null it only
// measures.
float layoutLine(const GlyphAtlas& atlas, std::string_view text, float size, float tracking, float baseline,
                 float labelIndex, LonLat anchor, std::vector<LabelVertex>* out);

struct LabelGeometry {
    std::vector<LabelSpec> specs;  // countries first, then regions
    size_t firstRegion = 0;
    std::vector<LabelVertex> vertices;
    std::vector<int> firstVertex, vertexCount;  // per label
    GlyphAtlas atlas;

    static Result<LabelGeometry> build(const geo::Basemap& data, const std::string& fontPath);
};

}  // namespace briefmap::render
