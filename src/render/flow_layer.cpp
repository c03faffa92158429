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

namespace {
template <typename T>
Vec2d projected(Projection p, T lon, T lat) {
    return project(p, {static_cast<double>(lon), static_cast<double>(lat)});
}
}  // namespace

void projectInstances(Projection projection, const std::vector<FlowSegmentInstance>& in, std::vector<FlowSegmentInstance>& out) {
    out.resize(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        const Vec2d a = projected(projection, in[i].lon0, in[i].lat0), b = projected(projection, in[i].lon1, in[i].lat1);
        out[i] = in[i];
        out[i].lon0 = static_cast<float>(a.x), out[i].lat0 = static_cast<float>(a.y);
        out[i].lon1 = static_cast<float>(b.x), out[i].lat1 = static_cast<float>(b.y);
    }
}

void projectInstances(Projection projection, const std::vector<ArrowInstance>& in, std::vector<ArrowInstance>& out) {
    out.resize(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        const Vec2d a = projected(projection, in[i].lon, in[i].lat), b = projected(projection, in[i].fromLon, in[i].fromLat);
        out[i] = in[i];
        out[i].lon = static_cast<float>(a.x), out[i].lat = static_cast<float>(a.y);
        out[i].fromLon = static_cast<float>(b.x), out[i].fromLat = static_cast<float>(b.y);
    }
}

void FlowLayer::upload(const SceneGeometry& scene) {
    m_projection.reset();  // instances are projected at the first draw
    if (!m_segments) {
        m_segments = makeBuffer();
        m_arrows = makeBuffer();
        m_info = makeBuffer();
        m_segmentVao = makeVertexArray();
        m_arrowVao = makeVertexArray();
        m_infoTexture = makeTexture();
    }
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

void FlowLayer::drawFlows(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, size_t first,
                          size_t last, double motionSeconds) {
    if (first >= last) return;
    int firstCopy = 0, lastCopy = 0;
    view.visibleWorldCopies(firstCopy, lastCopy);
    // The dash pattern is laid out in kilometres, scaled to pixels at the view's centre latitude.
    const double centerLat = view.screenToLonLat(view.width() / 2.0, view.height() / 2.0).lat;
    const double metresPerPixel = view.projection() == Projection::Mercator
                                      ? view.unitsPerPixel() * std::cos(centerLat * std::numbers::pi / 180.0)
                                      : view.unitsPerPixel() * 111320.0;
    const GLint firstSegment = static_cast<GLint>(scene.flowFirstSegment()[first]);
    const auto segmentCount = static_cast<GLsizei>(scene.flowFirstSegment()[last] - scene.flowFirstSegment()[first]);
    m_flowProgram.use();
    setCommonUniforms(m_flowProgram, frame);
    glUniform1f(m_flowProgram.uniform("u_pixelsPerKm"), static_cast<float>(1000.0 / metresPerPixel));
    glUniform1f(m_flowProgram.uniform("u_motion"), static_cast<float>(std::fmod(motionSeconds * kPatternPixelsPerSecond, 90.0 * 18.0)));
    glBindVertexArray(m_segmentVao.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_segments.get());
    // GL 3.3 has no base instance: point the per-instance attributes at the range's first instance.
    for (GLuint a = 0; a < 2; ++a)
        glVertexAttribPointer(a, 4, GL_FLOAT, GL_FALSE, sizeof(FlowSegmentInstance),
                              reinterpret_cast<void*>(firstSegment * sizeof(FlowSegmentInstance) + a * 4 * sizeof(float)));
    for (int k = firstCopy; k <= lastCopy; ++k) {
        setCameraUniforms(m_flowProgram, view, 360.0 * k);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, segmentCount);
    }
    m_arrowProgram.use();
    setCommonUniforms(m_arrowProgram, frame);
    glBindVertexArray(m_arrowVao.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_arrows.get());
    for (GLuint a = 0; a < 2; ++a)
        glVertexAttribPointer(a, 4, GL_FLOAT, GL_FALSE, sizeof(ArrowInstance),
                              reinterpret_cast<void*>(first * sizeof(ArrowInstance) + a * 4 * sizeof(float)));
    for (int k = firstCopy; k <= lastCopy; ++k) {
        setCameraUniforms(m_arrowProgram, view, 360.0 * k);
        glDrawArraysInstanced(GL_TRIANGLES, 0, 3, static_cast<GLsizei>(last - first));
    }
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
}

bool FlowLayer::updateBackground(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, size_t over,
                                 uint64_t backgroundVersion) {
    const bool sameCamera = m_pastTarget && m_pastTarget->width() == view.width() && m_pastTarget->height() == view.height() &&
                            m_pastView.center().x == view.center().x && m_pastView.center().y == view.center().y &&
                            m_pastView.unitsPerPixel() == view.unitsPerPixel() && m_pastView.projection() == view.projection();
    GLint frameBuffer = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &frameBuffer);
    if (!m_pastTarget || m_pastTarget->width() != view.width() || m_pastTarget->height() != view.height()) {
        Result<RenderTarget> target = RenderTarget::create(view.width(), view.height());
        if (!target) {
            m_pastTarget.reset();
            return false;
        }
        m_pastTarget = std::move(*target);
    }
    const auto blit = [&](GLuint from, GLuint to) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
        glBlitFramebuffer(0, 0, view.width(), view.height(), 0, 0, view.width(), view.height(), GL_COLOR_BUFFER_BIT, GL_NEAREST);
    };
    if (!sameCamera || over < m_pastDrawn || m_pastSceneVersion != scene.version() || m_pastBackgroundVersion != backgroundVersion) {
        // Start again from the base map the frame holds now.
        blit(static_cast<GLuint>(frameBuffer), m_pastTarget->framebuffer());
        m_pastDrawn = 0;
        m_pastView = view;
        m_pastSceneVersion = scene.version();
        m_pastBackgroundVersion = backgroundVersion;
    }
    if (over > m_pastDrawn) {
        // Flows that are over look the same whenever they are drawn: dim, their pattern at rest (as in
        // an export), so drawing them once is exact.
        m_pastTarget->bind();
        drawFlows(view, frame, scene, m_pastDrawn, over, 0.0);
        m_pastDrawn = over;
    }
    blit(m_pastTarget->framebuffer(), static_cast<GLuint>(frameBuffer));
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(frameBuffer));
    glViewport(0, 0, view.width(), view.height());
    return true;
}

void FlowLayer::draw(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, bool useCache,
                     uint64_t backgroundVersion) {
    if (m_segmentCount == 0) return;
    if (m_projection != view.projection()) {
        projectInstances(view.projection(), scene.segments(), m_projectedSegments);
        projectInstances(view.projection(), scene.arrows(), m_projectedArrows);
        uploadInstances(m_segments, m_segmentVao, m_projectedSegments.data(), m_projectedSegments.size());
        uploadInstances(m_arrows, m_arrowVao, m_projectedArrows.data(), m_projectedArrows.size());
        m_projection = view.projection();
    }
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    size_t over = scene.flowsOverAt(frame.day);
    if (over == 0 || !useCache || !updateBackground(view, frame, scene, over, backgroundVersion))
        over = 0;  // no cache (an export), or no memory for it: draw everything directly
    drawFlows(view, frame, scene, over, std::max(over, scene.flowsStartedBy(frame.day)), frame.motionSeconds);
}

}  // namespace briefmap::render
