// Country and admin-1 labels: static SDF glyph quads plus greedy, priority-ordered collision placement
// that reruns only when the camera changes.
#pragma once
#include <string>
#include <vector>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
#include "render/glyph_atlas.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

struct ScreenBox {
    float x0, y0, x1, y1;  // pixels, y down
    friend bool operator==(const ScreenBox&, const ScreenBox&) = default;
    bool overlaps(const ScreenBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

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

class LabelLayer {
public:
    Status init(const geo::Basemap& data, const std::string& fontPath);
    void setEnabled(bool countries, bool regions);
    // Places labels if the view or the obstacles changed; no label overlaps another or an obstacle
    // (UI panels, in pixels, y down).
    void draw(const MapView& view, const Theme& theme, const std::vector<ScreenBox>& obstacles);
    const std::vector<ScreenBox>& placedBoxes() const { return m_placed; }

private:
    void place(const MapView& view);

    ShaderProgram m_program;
    std::vector<LabelSpec> m_specs;  // countries first, then regions
    size_t m_firstRegion = 0;
    std::vector<GLint> m_firstVertex;   // per label: first glyph vertex
    std::vector<GLsizei> m_vertexCount;
    Buffer m_vertices;
    VertexArray m_vao;
    Texture m_atlasTexture;
    Buffer m_placementBuffer;
    Texture m_placementTexture;
    float m_pixelDistanceScale = 0;

    // Reused every placement: no per-frame allocation.
    std::vector<float> m_placement;  // per label: opacity, longitude offset
    std::vector<ScreenBox> m_placed;
    std::vector<ScreenBox> m_obstacles;
    MapView m_placedFor;
    bool m_hasPlacement = false;
    bool m_countries = true, m_regions = true;
};

}  // namespace briefmap::render
