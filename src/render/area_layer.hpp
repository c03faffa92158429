// Filled areas of imported Polygon and MultiPolygon events: each filled by even-odd stencil parity in
// its kind's colour (translucent, so what lies under stays readable), then outlined.
#pragma once
#include <optional>
#include <vector>

#include "core/map_view.hpp"
#include "render/gl_objects.hpp"
#include "render/scene_frame.hpp"
#include "render/scene_geometry.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

class AreaLayer {
public:
    Status compileShaders();
    void draw(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene);
    void setTheme(ThemeName theme) { m_theme = theme; }  // the kind palette

private:
    void ensureUploaded(Projection projection, const SceneGeometry& scene);

    ThemeName m_theme = ThemeName::Dark;
    ShaderProgram m_fillProgram, m_lineProgram;
    Buffer m_triangles, m_outline;
    VertexArray m_triangleVao, m_outlineVao;
    struct Range {
        GLint first = 0;     // vertices: the area's triangles, then its bounding quad (6 vertices)
        GLsizei count = 0;
        GLint firstSegment = 0;
        GLsizei segments = 0;
    };
    std::vector<Range> m_ranges;  // per scene area
    std::optional<Projection> m_projection;
    uint64_t m_version = 0;
};

}  // namespace briefmap::render
