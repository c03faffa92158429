// Text of the briefing layer, on the CPU: one glyph atlas for the place labels and the legend, title
// and date (printable ASCII, Latin-1 punctuation, and every character of the names and title), and
// the place labels laid out as glyph quads.
#pragma once
#include <string>
#include <vector>

#include "render/glyph_atlas.hpp"
#include "render/label_geometry.hpp"
#include "render/scene_geometry.hpp"

namespace briefmap::render {

// A label for a place the loaded articles name where the briefing has no marker of its own.
struct MentionLabel {
    LonLat position;
    std::string name;
    float radius = 0;    // its ring's, pixels
    float firstDay = 0;  // shown from this day (with its ring)
};

struct SceneText {
    GlyphAtlas atlas;
    // One per SceneGeometry site, same order, then one per mention label.
    std::vector<LabelSpec> siteLabels;
    std::vector<MentionLabel> mentionLabels;
    std::vector<LabelVertex> vertices;
    std::vector<int> firstVertex, vertexCount;
};

// `nativeNames`: a second line with the name in the place's own script, where known. `extraTexts`:
// more text the overlay may draw (a tour's captions), so that its glyphs are in the atlas.
Result<SceneText> buildSceneText(const SceneGeometry& scene, const std::string& title, const std::string& fontPath,
                                 bool nativeNames, std::vector<MentionLabel> mentionLabels = {},
                                 const std::vector<std::string>& extraTexts = {});

}  // namespace briefmap::render
