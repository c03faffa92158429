// Place markers and activity rings, instanced; time is a uniform (see marker/pulse shaders).
#pragma once
#include "core/map_view.hpp"
#include "render/gl_objects.hpp"
#include "render/scene_frame.hpp"
#include "render/scene_geometry.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

class MarkerLayer {
public:
    Status compileShaders();
    void upload(const SceneGeometry& scene);  // when the data or the filter changes
    void draw(const MapView& view, const Theme& theme, const SceneFrame& frame);

private:
    ShaderProgram m_markerProgram, m_pulseProgram;
    Buffer m_markers, m_pulses;
    VertexArray m_markerVao, m_pulseVao;
    GLsizei m_markerCount = 0, m_pulseCount = 0;
};

// Uploads `count` instances of 8 floats as two vec4 attributes (locations 0 and 1) of `vao`.
void uploadInstances(const Buffer& buffer, const VertexArray& vao, const void* data, size_t count);

}  // namespace briefmap::render
