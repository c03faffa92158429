#include "render/flow_layer.hpp"

#include <algorithm>
#include <cmath>

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
    double along = 0;
    for (size_t i = 0; i < in.size(); ++i) {
        const Vec2d a = projected(projection, in[i].lon0, in[i].lat0), b = projected(projection, in[i].lon1, in[i].lat1);
        if (i == 0 || in[i].flow != in[i - 1].flow) along = 0;  // a flow's segments are consecutive
        out[i] = in[i];
        out[i].lon0 = static_cast<float>(a.x), out[i].lat0 = static_cast<float>(a.y);
        out[i].lon1 = static_cast<float>(b.x), out[i].lat1 = static_cast<float>(b.y);
        out[i].along0 = static_cast<float>(along);
        along += std::hypot(b.x - a.x, b.y - a.y);
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
    glBindBuffer(GL_TEXTURE_BUFFER, m_info.get());  // filled when projected
    const size_t bytes = std::max<size_t>(1, scene.flowInfo().size()) * sizeof(FlowInfo);
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(bytes), nullptr, GL_STATIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, m_infoTexture.get());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, m_info.get());
    glBindTexture(GL_TEXTURE_BUFFER, 0);
    m_segmentCount = static_cast<GLsizei>(scene.segments().size());
    m_arrowCount = static_cast<GLsizei>(scene.arrows().size());
}

void FlowLayer::setCommonUniforms(const ShaderProgram& p, const SceneFrame& frame) const {
    float colors[4 * static_cast<size_t>(model::Cargo::Count)];
    for (size_t k = 0; k < static_cast<size_t>(model::Cargo::Count); ++k) {
        const Rgba c = cargoColor(static_cast<model::Cargo>(k), m_theme);
        colors[4 * k] = c.r, colors[4 * k + 1] = c.g, colors[4 * k + 2] = c.b, colors[4 * k + 3] = c.a;
    }
    glUniform4fv(p.uniform("u_cargoColors"), static_cast<GLsizei>(model::Cargo::Count), colors);
    glUniform1f(p.uniform("u_day"), static_cast<float>(frame.day));
    glUniform1f(p.uniform("u_since"), static_cast<float>(frame.windowStart()));
    glUniform1f(p.uniform("u_fadeDays"), static_cast<float>(frame.fadeDays()));
    glUniform1f(p.uniform("u_growDays"), static_cast<float>(growDays(frame)));
    glUniform1f(p.uniform("u_pastOpacity"), 0.42f);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_BUFFER, m_infoTexture.get());
    glUniform1i(p.uniform("u_flows"), 1);
}

void FlowLayer::drawFlows(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, size_t first,
                          size_t last) {
    int firstCopy = 0, lastCopy = 0;
    scene.flowWorldCopies(view, firstCopy, lastCopy);
    const GLint firstSegment = static_cast<GLint>(scene.flowFirstSegment()[first]);
    const auto segmentCount = static_cast<GLsizei>(scene.flowFirstSegment()[last] - scene.flowFirstSegment()[first]);
    m_flowProgram.use();
    setCommonUniforms(m_flowProgram, frame);
    glUniform1f(m_flowProgram.uniform("u_motion"), static_cast<float>(std::fmod(frame.motionSeconds * kPatternPixelsPerSecond, 90.0 * 18.0)));
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

void FlowLayer::ensureProjected(Projection projection, const SceneGeometry& scene) {
    if (m_projection == projection) return;
    projectInstances(projection, scene.segments(), m_projectedSegments);
    projectInstances(projection, scene.arrows(), m_projectedArrows);
    uploadInstances(m_segments, m_segmentVao, m_projectedSegments.data(), m_projectedSegments.size());
    uploadInstances(m_arrows, m_arrowVao, m_projectedArrows.data(), m_projectedArrows.size());
    m_projectedInfo = scene.flowInfo();
    for (const FlowSegmentInstance& s : m_projectedSegments)
        m_projectedInfo[static_cast<size_t>(s.flow)].projectedLength = s.along0 + std::hypot(s.lon1 - s.lon0, s.lat1 - s.lat0);
    glBindBuffer(GL_TEXTURE_BUFFER, m_info.get());
    glBufferSubData(GL_TEXTURE_BUFFER, 0, static_cast<GLsizeiptr>(m_projectedInfo.size() * sizeof(FlowInfo)), m_projectedInfo.data());
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    m_projection = projection;
}

void FlowLayer::drawRange(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, size_t first, size_t last) {
    if (m_segmentCount == 0 || first >= last) return;
    ensureProjected(view.projection(), scene);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    drawFlows(view, frame, scene, first, last);
}

void FlowLayer::draw(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene, size_t firstFlow) {
    drawRange(view, frame, scene, firstFlow, std::max(firstFlow, scene.flowsStartedBy(frame.day)));
}

size_t settledFlows(const SceneGeometry& scene, double day) {
    // Over by kMaxGrowDays: grown whole at any playback speed (a flow grows from its start, and no
    // flow ends before it starts).
    return scene.flowsOverAt(day - kMaxGrowDays);
}

}  // namespace briefmap::render
