// Flow arcs and their arrowheads, instanced by segment; per-flow data in a buffer texture; time,
// growth and the moving pattern are uniforms (see flow/arrow shaders).
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

class FlowLayer {
public:
    Status compileShaders();
    void upload(const SceneGeometry& scene);  // when the data or the filter changes
    // Draws the flows from `firstFlow` on (in end order; those before it are already on the frame, see
    // FlowBackdrop) that have started; flows still to come are not submitted at all. (Re)projects
    // the instances first when the projection differs from the last upload.
    void draw(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, size_t firstFlow = 0);
    // Draws flows [first, last) (in end order) for every world copy in `view`.
    void drawRange(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, size_t first, size_t last);
    void setTheme(ThemeName theme) { m_theme = theme; }  // the cargo palette

private:
    void ensureProjected(Projection projection, const SceneGeometry& scene);
    void setCommonUniforms(const ShaderProgram& p, const SceneFrame& frame) const;
    void drawFlows(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, size_t first, size_t last);

    ThemeName m_theme = ThemeName::Dark;
    ShaderProgram m_flowProgram, m_arrowProgram;
    Buffer m_segments, m_arrows, m_info;
    VertexArray m_segmentVao, m_arrowVao;
    Texture m_infoTexture;
    GLsizei m_segmentCount = 0, m_arrowCount = 0;
    std::optional<Projection> m_projection;  // of the uploaded instances
    std::vector<FlowSegmentInstance> m_projectedSegments;
    std::vector<ArrowInstance> m_projectedArrows;
    std::vector<FlowInfo> m_projectedInfo;  // with each flow's projected length
};

// How many flows (a prefix, in end order) are settled at `day`: over and grown whole whatever the
// playback speed, so they look the same whenever they are drawn (dim, pattern at rest) and can be
// drawn once into a backdrop.
size_t settledFlows(const SceneGeometry& scene, double day);

// Instances with their coordinates projected on the CPU: the shaders then only shift and scale,
// which on software GL is most of a vertex's cost (log and tan per vertex otherwise).
void projectInstances(Projection projection, const std::vector<FlowSegmentInstance>& in, std::vector<FlowSegmentInstance>& out);
void projectInstances(Projection projection, const std::vector<ArrowInstance>& in, std::vector<ArrowInstance>& out);

}  // namespace briefmap::render
