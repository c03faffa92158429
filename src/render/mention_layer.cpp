#include "render/mention_layer.hpp"

#include "render/camera_uniforms.hpp"
#include "render/marker_layer.hpp"

namespace briefmap::render {

Rgba mentionColor(ThemeName theme) {
    return theme == ThemeName::Dark ? Rgba{0.45f, 0.86f, 0.93f, 1.0f} : Rgba{0.0f, 0.45f, 0.55f, 1.0f};
}

Status MentionLayer::compileShaders() {
    if (m_program.valid()) return Done{};
    return m_program.build("mention.vert.glsl", "mention.frag.glsl");
}

void MentionLayer::upload(const MentionGeometry& geometry) {
    if (!m_instances) {
        m_instances = makeBuffer();
        m_vao = makeVertexArray();
        setInstanceVec4(m_vao, m_instances, sizeof(MentionInstance));
    }
    m_source = geometry.instances();
    m_count = static_cast<GLsizei>(m_source.size());
    m_projection.reset();  // projected at the first draw
}

void MentionLayer::draw(const MapView& view, ThemeName theme, const SceneFrame& frame) {
    if (m_count == 0) return;
    if (m_projection != view.projection()) {
        // Per frame only the camera and the day change.
        projectInstances(m_source, m_projected, view.projection(), m_instances);
        m_projection = view.projection();
    }
    int first = 0, last = 0;
    view.visibleWorldCopies(first, last);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_program.use();
    setColor(m_program.uniform("u_color"), mentionColor(theme));
    setColor(m_program.uniform("u_halo"), themeFor(theme).countryLabelHalo);
    glUniform1f(m_program.uniform("u_day"), static_cast<float>(frame.day));
    glBindVertexArray(m_vao.get());
    for (int k = first; k <= last; ++k) {
        setCameraUniforms(m_program, view, 360.0 * k);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, m_count);
    }
    glBindVertexArray(0);
}

}  // namespace briefmap::render
