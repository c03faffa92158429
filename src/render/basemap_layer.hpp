// Land fill (stencil-then-cover, exact in any projection), coastlines, borders, admin-1 and graticule.
#pragma once
#include <vector>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

struct BasemapStyle {
    bool graticule = false;
    bool admin1 = true;
};

class BasemapLayer {
public:
    Status init(const geo::Basemap& data);  // uploads all geometry once
    // Draws every world copy that intersects the view into the bound framebuffer (needs a stencil).
    void draw(const MapView& view, const Theme& theme, const BasemapStyle& style) const;

private:
    struct LineBatch {
        Buffer buffer;
        VertexArray vao;
        GLsizei count = 0;
    };
    void uploadLines(LineBatch& batch, const std::vector<geo::Segment>& segments);
    void drawLines(const LineBatch& batch, const MapView& view, int first, int last, Rgba color, float width) const;

    ShaderProgram m_fillProgram, m_coverProgram, m_lineProgram;
    Buffer m_ringBuffer;
    VertexArray m_ringVao, m_emptyVao;
    GLsizei m_fillVertexCount = 0;
    LineBatch m_coast, m_borders, m_admin1, m_graticule;
};

// Admin-1 boundaries and labels appear once a degree of longitude spans this many pixels.
inline constexpr double kAdmin1PixelsPerDegree = 14.0;
double pixelsPerDegree(const MapView& view);

}  // namespace briefmap::render
