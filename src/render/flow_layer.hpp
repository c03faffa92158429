// Flow arcs and their arrowheads, instanced by segment; per-flow data in a buffer texture; time,
// growth and the moving pattern are uniforms (see flow/arrow shaders).
#pragma once
#include "core/map_view.hpp"
#include "render/gl_objects.hpp"
#include "render/scene_frame.hpp"
#include "render/scene_geometry.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

class FlowLayer {
public:
    Status compileShaders();
    void upload(const SceneGeometry& scene);  // when the data or the filter changes
    void draw(const MapView& view, const SceneFrame& frame);

private:
    void setCommonUniforms(const ShaderProgram& p, const SceneFrame& frame) const;

    ShaderProgram m_flowProgram, m_arrowProgram;
    Buffer m_segments, m_arrows, m_info;
    VertexArray m_segmentVao, m_arrowVao;
    Texture m_infoTexture;
    GLsizei m_segmentCount = 0, m_arrowCount = 0;
};

}  // namespace briefmap::render
