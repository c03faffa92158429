#include "render/marker_layer.hpp"

#include <algorithm>

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

void setInstanceVec4(const VertexArray& vao, const Buffer& buffer, GLsizei stride) {
    glBindVertexArray(vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.get());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, stride, nullptr);
    glVertexAttribDivisor(0, 1);
    glBindVertexArray(0);
}

namespace {

void setKindColors(const ShaderProgram& p, ThemeName theme) {
    float colors[4 * static_cast<size_t>(model::EventKind::Count)];
    for (size_t k = 0; k < static_cast<size_t>(model::EventKind::Count); ++k) {
        const Rgba c = kindColor(static_cast<model::EventKind>(k), theme);
        colors[4 * k] = c.r, colors[4 * k + 1] = c.g, colors[4 * k + 2] = c.b, colors[4 * k + 3] = c.a;
    }
    glUniform4fv(p.uniform("u_kindColors"), static_cast<GLsizei>(model::EventKind::Count), colors);
}

}  // namespace

Status MarkerLayer::compileShaders() {
    if (m_program.valid()) return Done{};
    return m_program.build("site.vert.glsl", "site.frag.glsl");
}

void MarkerLayer::upload(const SceneGeometry& scene) {
    if (!m_sites) {
        m_sites = makeBuffer();
        m_events = makeBuffer();
        m_siteVao = makeVertexArray();
        m_eventTexture = makeTexture();
        setInstanceVec4(m_siteVao, m_sites, sizeof(SiteInstance));
    }
    // Per-event data for the shaders' search. Positions in it are not used (the site has them): the
    // second slot carries the site's reported quantity up to that event instead (size by quantity).
    m_upload.assign(scene.markers().begin(), scene.markers().end());
    size_t k = 0;
    for (const SceneSite& site : scene.sites())
        for (size_t e = 0; e < site.quantities.size() && k < m_upload.size(); ++e) m_upload[k++].lat = static_cast<float>(site.quantities[e]);
    glBindBuffer(GL_TEXTURE_BUFFER, m_events.get());
    const size_t bytes = std::max<size_t>(1, m_upload.size()) * sizeof(MarkerInstance);
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(bytes), m_upload.empty() ? nullptr : m_upload.data(),
                 GL_STATIC_DRAW);
    m_upload.clear();
    m_upload.shrink_to_fit();
    glBindTexture(GL_TEXTURE_BUFFER, m_eventTexture.get());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, m_events.get());
    glBindTexture(GL_TEXTURE_BUFFER, 0);
    m_siteCount = static_cast<GLsizei>(scene.siteInstances().size());
    m_projection.reset();  // sites are projected at the first draw
}

void MarkerLayer::setHidden(const std::vector<uint8_t>* hidden) {
    m_useHidden = hidden && !hidden->empty();
    if (!m_useHidden) return;
    if (!m_hiddenBuffer) {
        m_hiddenBuffer = makeBuffer();
        m_hiddenTexture = makeTexture();
    }
    glBindBuffer(GL_TEXTURE_BUFFER, m_hiddenBuffer.get());
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(hidden->size()), hidden->data(), GL_DYNAMIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, m_hiddenTexture.get());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_R8, m_hiddenBuffer.get());
    glBindTexture(GL_TEXTURE_BUFFER, 0);
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
}

void MarkerLayer::draw(const MapView& view, const Theme& theme, const SceneFrame& frame, const SceneGeometry& scene) {
    if (m_siteCount == 0) return;
    if (m_projection != view.projection()) {
        projectInstances(scene.siteInstances(), m_projectedSites, view.projection(), m_sites);
        m_projection = view.projection();
    }
    int first = 0, last = 0;
    view.visibleWorldCopies(first, last);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // the site shader's colour is premultiplied
    const auto day = static_cast<float>(frame.day);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_BUFFER, m_eventTexture.get());
    glBindVertexArray(m_siteVao.get());

    m_program.use();
    setKindColors(m_program, theme.name);
    glUniform1i(m_program.uniform("u_events"), 1);
    glUniform1i(m_program.uniform("u_useHidden"), m_useHidden ? 1 : 0);
    if (m_useHidden) {
        glActiveTexture(GL_TEXTURE2);
        glBindTexture(GL_TEXTURE_BUFFER, m_hiddenTexture.get());
        glUniform1i(m_program.uniform("u_hidden"), 2);
    }
    glUniform1f(m_program.uniform("u_day"), day);
    glUniform1i(m_program.uniform("u_sizeByQuantity"), scene.sizeByQuantity() ? 1 : 0);
    glUniform1f(m_program.uniform("u_since"), static_cast<float>(frame.windowStart()));
    glUniform1f(m_program.uniform("u_fadeDays"), static_cast<float>(frame.fadeDays()));
    glUniform1f(m_program.uniform("u_pastOpacity"), 0.6f);
    glUniform1f(m_program.uniform("u_appearDays"), static_cast<float>(growDays(frame)));
    glUniform1f(m_program.uniform("u_pulseDays"), static_cast<float>(growDays(frame)));
    setColor(m_program.uniform("u_outline"), theme.countryLabelHalo);
    for (int k = first; k <= last; ++k) {
        setCameraUniforms(m_program, view, 360.0 * k);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, m_siteCount);
    }
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
}

}  // namespace briefmap::render
