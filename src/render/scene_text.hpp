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

struct SceneText {
    GlyphAtlas atlas;
    std::vector<LabelSpec> siteLabels;  // one per SceneGeometry site, same order
    std::vector<LabelVertex> vertices;
    std::vector<int> firstVertex, vertexCount;
};

// `nativeNames`: a second line with the name in the place's own script, where known.
Result<SceneText> buildSceneText(const SceneGeometry& scene, const std::string& title, const std::string& fontPath,
                                 bool nativeNames);

}  // namespace briefmap::render
