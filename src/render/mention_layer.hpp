// The articles' places: hollow rings, instanced, drawn under the briefing's markers so the two read
// apart (a filled disc is what the briefing says happened; a ring is where the articles point).
// Time is a uniform: a ring appears on the day its first article came out.
#pragma once
#include <optional>
#include <vector>

#include "core/map_view.hpp"
#include "render/gl_objects.hpp"
#include "render/mention_geometry.hpp"
#include "render/scene_frame.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

// The rings' colour on each theme (the legend shows the same).
Rgba mentionColor(ThemeName theme);

class MentionLayer {
public:
    Status compileShaders();
    void upload(const MentionGeometry& geometry);  // when the articles change
    void draw(const MapView& view, ThemeName theme, const SceneFrame& frame);
    bool empty() const { return m_count == 0; }

private:
    ShaderProgram m_program;
    Buffer m_instances;
    VertexArray m_vao;
    GLsizei m_count = 0;
    std::vector<MentionInstance> m_source, m_projected;
    std::optional<Projection> m_projection;
};

}  // namespace briefmap::render
