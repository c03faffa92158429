// Country and admin-1 labels: static SDF glyph quads plus greedy, priority-ordered collision placement
// that reruns only when the camera changes.
#pragma once
#include <string>
#include <vector>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
#include "render/label_geometry.hpp"
#include "render/gl_objects.hpp"
#include "render/screen_box.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

// A texture of an atlas's single-channel SDF pixels, linearly filtered (base-map and place labels).
Texture uploadAtlasTexture(const GlyphAtlas& atlas);
// Glyph vertices into `buffer`, with LabelVertex's attributes (locations 0-3) set up on `vao`.
void uploadLabelVertices(const Buffer& buffer, const VertexArray& vao, const std::vector<LabelVertex>& vertices);

// Binds the label shader (label.vert/label.frag) with the camera, an atlas and a placement buffer
// texture (units 0 and 1); returns the SDF value of the glyph outline (u_edge).
float useLabelProgram(const ShaderProgram& program, const MapView& view, const Texture& atlas, const Texture& placement);

class LabelLayer {
public:
    Status compileShaders();  // once; kept across data changes
    void setGeometry(LabelGeometry geometry);  // uploads glyphs and atlas
    void setEnabled(bool countries, bool regions);
    // Boxes only region labels keep clear of (the larger towns in close-ups: a region's label point
    // is often its capital, and the city's name matters more there).
    void setRegionObstacles(const std::vector<ScreenBox>& boxes);
    // Places labels if the view or the obstacles changed; no label overlaps another or an obstacle
    // (UI panels, in pixels, y down).
    void draw(const MapView& view, const Theme& theme, const std::vector<ScreenBox>& obstacles);
    const std::vector<ScreenBox>& placedBoxes() const { return m_placed; }

private:
    void place(const MapView& view);

    ShaderProgram m_program;
    std::vector<LabelSpec> m_specs;  // countries first, then regions
    size_t m_firstRegion = 0;
    std::vector<int> m_firstVertex, m_vertexCount;  // per label: its glyph vertices
    Buffer m_vertices;
    VertexArray m_vao;
    Texture m_atlasTexture;
    Buffer m_placementBuffer;
    Texture m_placementTexture;
    float m_pixelDistanceScale = 0;

    // Reused every placement: no per-frame allocation.
    std::vector<float> m_placement;  // per label: opacity, longitude offset
    std::vector<ScreenBox> m_placed;
    ScreenBoxGrid m_placedGrid;  // m_placed, for collision tests
    std::vector<ScreenBox> m_obstacles, m_regionObstacles;
    ScreenBoxGrid m_regionGrid;
    MapView m_placedFor;
    bool m_hasPlacement = false;
    bool m_countries = true, m_regions = true;
};

}  // namespace briefmap::render
