// Place markers and activity rings, instanced; time is a uniform (see the site shaders).
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

class MarkerLayer {
public:
    Status compileShaders();
    void upload(const SceneGeometry& scene);  // when the data or the filter changes
    // Draws; (re)projects the instances first when the projection differs from the last upload.
    void draw(const MapView& view, const Theme& theme, const SceneFrame& frame, const SceneGeometry& scene);
    // Sites not drawn (members of a cluster marker), one flag per site instance; null: none hidden.
    void setHidden(const std::vector<uint8_t>* hidden);

private:
    ShaderProgram m_program;
    Buffer m_sites, m_events;
    VertexArray m_siteVao;
    Texture m_eventTexture;
    Buffer m_hiddenBuffer;
    Texture m_hiddenTexture;
    bool m_useHidden = false;
    GLsizei m_siteCount = 0;
    std::vector<MarkerInstance> m_upload;  // the per-event buffer as uploaded (freed after)
    std::optional<Projection> m_projection;
    std::vector<SiteInstance> m_projectedSites;
};

// Copies `source` into `projected` with every instance's lon/lat projected (the shaders then only
// shift and scale), and uploads it to `buffer`: once per data set and projection, never per frame.
template <typename Instance>
void projectInstances(const std::vector<Instance>& source, std::vector<Instance>& projected, Projection projection,
                      const Buffer& buffer) {
    projected = source;
    for (Instance& s : projected) {
        const Vec2d p = project(projection, {s.lon, s.lat});
        s.lon = static_cast<float>(p.x);
        s.lat = static_cast<float>(p.y);
    }
    glBindBuffer(GL_ARRAY_BUFFER, buffer.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(projected.size() * sizeof(Instance)), projected.data(),
                 GL_STATIC_DRAW);
}

// Uploads `count` instances of 8 floats as two vec4 attributes (locations 0 and 1) of `vao`.
void uploadInstances(const Buffer& buffer, const VertexArray& vao, const void* data, size_t count);
// Points `vao`'s attribute 0 at `buffer` as one vec4 per instance, `stride` bytes apart.
void setInstanceVec4(const VertexArray& vao, const Buffer& buffer, GLsizei stride);

}  // namespace briefmap::render
