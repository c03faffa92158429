#include "render/marker_layer.hpp"

#include "model/timeline.hpp"
#include "render/camera_uniforms.hpp"
#include "render/palette.hpp"

namespace briefmap::render {

void uploadInstances(const Buffer& buffer, const VertexArray& vao, const void* data, size_t count) {
    glBindVertexArray(vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(count * 8 * sizeof(float)), data, GL_STATIC_DRAW);
    for (GLuint a = 0; a < 2; ++a) {
        glEnableVertexAttribArray(a);
        glVertexAttribPointer(a, 4, GL_FLOAT, GL_FALSE, 8 * sizeof(float), reinterpret_cast<void*>(a * 4 * sizeof(float)));
        glVertexAttribDivisor(a, 1);
    }
    glBindVertexArray(0);
}

namespace {

void setKindColors(const ShaderProgram& p) {
    float colors[4 * static_cast<size_t>(model::EventKind::Count)];
    for (size_t k = 0; k < static_cast<size_t>(model::EventKind::Count); ++k) {
        const Rgba c = kindColor(static_cast<model::EventKind>(k));
        colors[4 * k] = c.r, colors[4 * k + 1] = c.g, colors[4 * k + 2] = c.b, colors[4 * k + 3] = c.a;
    }
    glUniform4fv(p.uniform("u_kindColors"), static_cast<GLsizei>(model::EventKind::Count), colors);
}

}  // namespace

Status MarkerLayer::compileShaders() {
    if (!m_markerProgram.valid())
        if (Status s = m_markerProgram.build("marker.vert.glsl", "marker.frag.glsl"); !s) return s;
    if (!m_pulseProgram.valid())
        if (Status s = m_pulseProgram.build("pulse.vert.glsl", "pulse.frag.glsl"); !s) return s;
    return Done{};
}

void MarkerLayer::upload(const SceneGeometry& scene) {
    if (!m_markers) {
        m_markers = makeBuffer();
        m_pulses = makeBuffer();
        m_markerVao = makeVertexArray();
        m_pulseVao = makeVertexArray();
    }
    uploadInstances(m_markers, m_markerVao, scene.markers().data(), scene.markers().size());
    uploadInstances(m_pulses, m_pulseVao, scene.pulses().data(), scene.pulses().size());
    m_markerCount = static_cast<GLsizei>(scene.markers().size());
    m_pulseCount = static_cast<GLsizei>(scene.pulses().size());
}

void MarkerLayer::draw(const MapView& view, const Theme& theme, const SceneFrame& frame) {
    if (m_markerCount == 0) return;
    int first = 0, last = 0;
    view.visibleWorldCopies(first, last);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const auto day = static_cast<float>(frame.day);

    m_pulseProgram.use();
    setKindColors(m_pulseProgram);
    glUniform1f(m_pulseProgram.uniform("u_day"), day);
    glUniform1f(m_pulseProgram.uniform("u_pulseDays"), static_cast<float>(growDays(frame)));
    glBindVertexArray(m_pulseVao.get());
    for (int k = first; k <= last; ++k) {
        setCameraUniforms(m_pulseProgram, view, 360.0 * k);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, m_pulseCount);
    }

    m_markerProgram.use();
    setKindColors(m_markerProgram);
    glUniform1f(m_markerProgram.uniform("u_day"), day);
    glUniform1f(m_markerProgram.uniform("u_pastOpacity"), 0.6f);
    setColor(m_markerProgram.uniform("u_outline"), theme.countryLabelHalo);
    glBindVertexArray(m_markerVao.get());
    for (int k = first; k <= last; ++k) {
        setCameraUniforms(m_markerProgram, view, 360.0 * k);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, m_markerCount);
    }
    glBindVertexArray(0);
}

}  // namespace briefmap::render
