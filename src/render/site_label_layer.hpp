// Place labels beside their markers, shown once the place has activity, never overlapping each other,
// markers, the legend or the UI panels: each tries right, left, above and below its marker.
#pragma once
#include <vector>

#include "core/map_view.hpp"
#include "render/gl_objects.hpp"
#include "render/label_layer.hpp"
#include "render/scene_frame.hpp"
#include "render/scene_geometry.hpp"
#include "render/scene_text.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

class SiteLabelLayer {
public:
    Status compileShaders();
    void upload(const SceneText& text);  // the atlas is also the overlay's (see atlasTexture)
    // Places labels (when the view, the visible sites or the obstacles changed). `obstacles` are kept
    // clear; afterwards placedBoxes() holds the labels placed, for the base-map labels to avoid.
    // `mentionLabels`: also label the places only the loaded articles name (after the briefing's,
    // where room remains).
    // `hiddenSites`: a flag per site whose marker is in a cluster (no label of its own then).
    void place(const MapView& view, const SceneGeometry& scene, const SceneFrame& frame,
               const std::vector<ScreenBox>& obstacles, bool mentionLabels, const std::vector<uint8_t>* hiddenSites = nullptr);
    void draw(const MapView& view, const Theme& theme);
    const std::vector<ScreenBox>& placedBoxes() const { return m_placedBoxes; }
    const Texture& atlasTexture() const { return m_atlasTexture; }

private:
    ShaderProgram m_program;
    std::vector<LabelSpec> m_specs;
    std::vector<MentionLabel> m_mentionLabels;
    GLsizei m_vertexCount = 0;
    Buffer m_vertices, m_placementBuffer;
    VertexArray m_vao;
    Texture m_atlasTexture, m_placementTexture;
    float m_pixelDistanceScale = 0;

    // Reused every placement: no per-frame allocation.
    std::vector<float> m_placement;
    ScreenBoxGrid m_placed;  // obstacles and labels placed so far
    std::vector<ScreenBox> m_placedBoxes, m_obstacles;
    std::vector<uint8_t> m_visible, m_placedVisible;
    std::vector<float> m_radii;      // per site: its marker's radius now (0: not shown)
    std::vector<uint32_t> m_order;   // placement order
    MapView m_placedFor;
    bool m_hasPlacement = false;
};

}  // namespace briefmap::render
