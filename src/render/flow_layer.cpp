#include "render/flow_layer.hpp"

#include <cmath>
#include <numbers>

#include "model/timeline.hpp"
#include "render/camera_uniforms.hpp"
#include "render/marker_layer.hpp"
#include "render/palette.hpp"

namespace briefmap::render {

namespace {
constexpr double kPatternPixelsPerSecond = 28.0;  // how fast dashes travel while time plays
}

Status FlowLayer::compileShaders() {
    if (!m_flowProgram.valid())
        if (Status s = m_flowProgram.build("flow.vert.glsl", "flow.frag.glsl"); !s) return s;
    if (!m_arrowProgram.valid())
        if (Status s = m_arrowProgram.build("arrow.vert.glsl", "arrow.frag.glsl"); !s) return s;
    return Done{};
}

void FlowLayer::upload(const SceneGeometry& scene) {
    if (!m_segments) {
        m_segments = makeBuffer();
        m_arrows = makeBuffer();
        m_info = makeBuffer();
        m_segmentVao = makeVertexArray();
        m_arrowVao = makeVertexArray();
        m_infoTexture = makeTexture();
    }
    uploadInstances(m_segments, m_segmentVao, scene.segments().data(), scene.segments().size());
    uploadInstances(m_arrows, m_arrowVao, scene.arrows().data(), scene.arrows().size());
    glBindBuffer(GL_TEXTURE_BUFFER, m_info.get());
    const size_t bytes = std::max<size_t>(1, scene.flowInfo().size()) * sizeof(FlowInfo);
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(bytes), scene.flowInfo().empty() ? nullptr : scene.flowInfo().data(),
                 GL_STATIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, m_infoTexture.get());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, m_info.get());
    glBindTexture(GL_TEXTURE_BUFFER, 0);
    m_segmentCount = static_cast<GLsizei>(scene.segments().size());
    m_arrowCount = static_cast<GLsizei>(scene.arrows().size());
}

void FlowLayer::setCommonUniforms(const ShaderProgram& p, const SceneFrame& frame) const {
    float colors[4 * static_cast<size_t>(model::Cargo::Count)];
    for (size_t k = 0; k < static_cast<size_t>(model::Cargo::Count); ++k) {
        const Rgba c = cargoColor(static_cast<model::Cargo>(k));
        colors[4 * k] = c.r, colors[4 * k + 1] = c.g, colors[4 * k + 2] = c.b, colors[4 * k + 3] = c.a;
    }
    glUniform4fv(p.uniform("u_cargoColors"), static_cast<GLsizei>(model::Cargo::Count), colors);
    glUniform1f(p.uniform("u_day"), static_cast<float>(frame.day));
    glUniform1f(p.uniform("u_growDays"), static_cast<float>(growDays(frame)));
    glUniform1f(p.uniform("u_pastOpacity"), 0.42f);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_BUFFER, m_infoTexture.get());
    glUniform1i(p.uniform("u_flows"), 1);
}

void FlowLayer::draw(const MapView& view, const SceneFrame& frame) {
    if (m_segmentCount == 0) return;
    int first = 0, last = 0;
    view.visibleWorldCopies(first, last);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    // The dash pattern is laid out in kilometres, scaled to pixels at the view's centre latitude.
    const double centerLat = view.screenToLonLat(view.width() / 2.0, view.height() / 2.0).lat;
    const double metresPerPixel = view.projection() == Projection::Mercator
                                      ? view.unitsPerPixel() * std::cos(centerLat * std::numbers::pi / 180.0)
                                      : view.unitsPerPixel() * 111320.0 * std::cos(centerLat * std::numbers::pi / 180.0);
    m_flowProgram.use();
    setCommonUniforms(m_flowProgram, frame);
    glUniform1f(m_flowProgram.uniform("u_pixelsPerKm"), static_cast<float>(1000.0 / metresPerPixel));
    glUniform1f(m_flowProgram.uniform("u_motion"),
                static_cast<float>(std::fmod(frame.motionSeconds * kPatternPixelsPerSecond, 90.0 * 18.0)));
    glBindVertexArray(m_segmentVao.get());
    for (int k = first; k <= last; ++k) {
        setCameraUniforms(m_flowProgram, view, 360.0 * k);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, m_segmentCount);
    }

    m_arrowProgram.use();
    setCommonUniforms(m_arrowProgram, frame);
    glBindVertexArray(m_arrowVao.get());
    for (int k = first; k <= last; ++k) {
        setCameraUniforms(m_arrowProgram, view, 360.0 * k);
        glDrawArraysInstanced(GL_TRIANGLES, 0, 3, m_arrowCount);
    }
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
}

}  // namespace briefmap::render
