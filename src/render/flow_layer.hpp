// Flow arcs and their arrowheads, instanced by segment; per-flow data in a buffer texture; time,
// growth and the moving pattern are uniforms (see flow/arrow shaders).
#pragma once
#include <optional>
#include <vector>

#include "core/map_view.hpp"
#include "render/gl_objects.hpp"
#include "render/render_target.hpp"
#include "render/scene_frame.hpp"
#include "render/scene_geometry.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

class FlowLayer {
public:
    Status compileShaders();
    void upload(const SceneGeometry& scene);  // when the data or the filter changes
    // Draws; (re)projects the instances first when the projection differs from the last upload.
    // With `useCache` (the window), flows that are over are drawn once onto a copy of the frame as it
    // is when this is called (the base map), which only grows while time moves forward and the camera
    // stands still; the frame then starts from a blit of it and draws just the flows under way (on
    // software GL each visible segment costs microseconds, and blending a full-screen layer ~8 ms).
    // `backgroundVersion` changes whenever the base map under the same camera may have changed.
    void draw(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, bool useCache,
              uint64_t backgroundVersion);

private:
    void setCommonUniforms(const ShaderProgram& p, const SceneFrame& frame) const;
    // Draws flows [first, last) (in end order) for every world copy in view.
    void drawFlows(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, size_t first, size_t last,
                   double motionSeconds);
    // Brings the copy up to date and blits it into the bound framebuffer; false: no memory for it.
    bool updateBackground(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, size_t over,
                          uint64_t backgroundVersion);

    ShaderProgram m_flowProgram, m_arrowProgram;
    Buffer m_segments, m_arrows, m_info;
    VertexArray m_segmentVao, m_arrowVao;
    Texture m_infoTexture;
    GLsizei m_segmentCount = 0, m_arrowCount = 0;
    std::optional<Projection> m_projection;  // of the uploaded instances
    std::vector<FlowSegmentInstance> m_projectedSegments;
    std::vector<ArrowInstance> m_projectedArrows;

    // The base map with the flows that are over: valid for one camera and base map, grows with time.
    std::optional<RenderTarget> m_pastTarget;
    MapView m_pastView;
    size_t m_pastDrawn = 0;
    uint64_t m_pastSceneVersion = 0, m_pastBackgroundVersion = 0;
};

// Instances with their coordinates projected on the CPU: the shaders then only shift and scale,
// which on software GL is most of a vertex's cost (log and tan per vertex otherwise).
void projectInstances(Projection projection, const std::vector<FlowSegmentInstance>& in, std::vector<FlowSegmentInstance>& out);
void projectInstances(Projection projection, const std::vector<ArrowInstance>& in, std::vector<ArrowInstance>& out);

}  // namespace briefmap::render
