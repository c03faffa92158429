#include "render/area_layer.hpp"

#include <algorithm>
#include <limits>

#include "core/projection.hpp"
#include "render/basemap_geometry.hpp"
#include "render/palette.hpp"
#include "render/theme.hpp"
#include "render/camera_uniforms.hpp"

namespace briefmap::render {

namespace {

constexpr float kFillAlpha = 0.24f, kOutlineAlpha = 0.9f, kOutlineWidth = 1.5f;
// A country standing for an event known only at country level: a tint, so the map under it reads.
constexpr float kCountryFillAlpha = 0.09f, kCountryOutlineAlpha = 0.45f;

}  // namespace

Status AreaLayer::compileShaders() {
    if (!m_fillProgram.valid())
        if (Status s = m_fillProgram.build("fill.vert.glsl", "solid.frag.glsl"); !s) return s;
    if (!m_lineProgram.valid())
        if (Status s = m_lineProgram.build("line.vert.glsl", "line.frag.glsl"); !s) return s;
    return Done{};
}

void AreaLayer::ensureUploaded(Projection projection, const SceneGeometry& scene) {
    if (m_projection == projection && m_version == scene.version()) return;
    m_projection = projection;
    m_version = scene.version();
    std::vector<float> vertices, segments;
    m_ranges.clear();
    for (const SceneArea& area : scene.areas()) {
        Range r;
        r.first = static_cast<GLint>(vertices.size() / 2);
        double xmin = std::numeric_limits<double>::infinity(), ymin = xmin, xmax = -xmin, ymax = -xmin;
        for (size_t i = 0; i + 1 < area.triangles.size(); i += 2) {
            const Vec2d p = project(projection, {area.triangles[i], area.triangles[i + 1]});
            vertices.push_back(static_cast<float>(p.x));
            vertices.push_back(static_cast<float>(p.y));
            xmin = std::min(xmin, p.x), xmax = std::max(xmax, p.x), ymin = std::min(ymin, p.y), ymax = std::max(ymax, p.y);
        }
        // The cover quad: only the area's box is filled where the stencil says, not the whole screen.
        const float quad[] = {float(xmin), float(ymin), float(xmax), float(ymin), float(xmax), float(ymax),
                              float(xmin), float(ymin), float(xmax), float(ymax), float(xmin), float(ymax)};
        if (vertices.size() / 2 > static_cast<size_t>(r.first)) vertices.insert(vertices.end(), std::begin(quad), std::end(quad));
        r.count = static_cast<GLsizei>(vertices.size() / 2) - r.first;
        r.firstSegment = static_cast<GLint>(segments.size() / 4);
        for (size_t i = 0; i + 3 < area.outline.size(); i += 4) {
            const Vec2d a = project(projection, {area.outline[i], area.outline[i + 1]});
            const Vec2d b = project(projection, {area.outline[i + 2], area.outline[i + 3]});
            segments.insert(segments.end(), {float(a.x), float(a.y), float(b.x), float(b.y)});
        }
        r.segments = static_cast<GLsizei>(segments.size() / 4) - r.firstSegment;
        m_ranges.push_back(r);
    }
    if (!m_triangles) {
        m_triangles = makeBuffer();
        m_outline = makeBuffer();
        m_triangleVao = makeVertexArray();
        m_outlineVao = makeVertexArray();
        glBindVertexArray(m_triangleVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, m_triangles.get());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
        glBindVertexArray(m_outlineVao.get());
        glBindBuffer(GL_ARRAY_BUFFER, m_outline.get());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
        glVertexAttribDivisor(0, 1);
        glBindVertexArray(0);
    }
    glBindBuffer(GL_ARRAY_BUFFER, m_triangles.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)), vertices.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, m_outline.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(segments.size() * sizeof(float)), segments.data(), GL_STATIC_DRAW);
}

void AreaLayer::draw(const MapView& view, const SceneFrame& frame, const SceneGeometry& scene) {
    if (scene.areas().empty()) return;
    ensureUploaded(view.projection(), scene);
    int first = 0, last = 0;
    view.visibleWorldCopies(first, last);
    const auto& areas = scene.areas();

    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    // The fill's parity needs a clear stencil: a frame blitted from the base-map cache brings none.
    glStencilMask(0xFF);
    glClearStencil(0);
    glClear(GL_STENCIL_BUFFER_BIT);
    glEnable(GL_STENCIL_TEST);
    glStencilMask(0x01);
    m_fillProgram.use();
    glBindVertexArray(m_triangleVao.get());
    for (size_t i = 0; i < areas.size(); ++i) {
        const Range& r = m_ranges[i];
        if (areas[i].start > frame.day || areas[i].endPlusOne < frame.windowStart() || r.count <= 6) continue;
        Rgba color = kindColor(static_cast<model::EventKind>(static_cast<int>(areas[i].kind)), m_theme);
        color.a = areas[i].country ? kCountryFillAlpha : kFillAlpha;
        for (int k = first; k <= last; ++k) {
            setCameraUniforms(m_fillProgram, view, 360.0 * k);
            // Parity of the fan triangles marks the inside; the box quad then colours it and clears it.
            glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
            glStencilFunc(GL_ALWAYS, 0, 0xFF);
            glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
            glDrawArrays(GL_TRIANGLES, r.first, r.count - 6);
            glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
            glStencilFunc(GL_EQUAL, 1, 0x01);
            glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
            setColor(m_fillProgram.uniform("u_color"), color);
            glDrawArrays(GL_TRIANGLES, r.first + r.count - 6, 6);
        }
    }
    glDisable(GL_STENCIL_TEST);
    glStencilMask(0xFF);

    const auto countryOutline = static_cast<float>(1.0 - fadeIn(pixelsPerDegree(view), 18.0, 28.0));
    m_lineProgram.use();
    glUniform1f(m_lineProgram.uniform("u_width"), kOutlineWidth);
    glBindVertexArray(m_outlineVao.get());
    // The per-area offsets below read from the buffer bound now: the outline's (another layer may
    // have bound its own since the upload).
    glBindBuffer(GL_ARRAY_BUFFER, m_outline.get());
    for (size_t i = 0; i < areas.size(); ++i) {
        const Range& r = m_ranges[i];
        if (areas[i].start > frame.day || areas[i].endPlusOne < frame.windowStart() || r.segments == 0) continue;
        Rgba color = kindColor(static_cast<model::EventKind>(static_cast<int>(areas[i].kind)), m_theme);
        // A country's 1:50m outline would run beside the close-up map's 1:10m border: it fades out
        // before the finer outlines take over, and the tint alone says which country.
        color.a = areas[i].country ? kCountryOutlineAlpha * countryOutline : kOutlineAlpha;
        if (color.a <= 0) continue;
        setColor(m_lineProgram.uniform("u_color"), color);
        for (int k = first; k <= last; ++k) {
            setCameraUniforms(m_lineProgram, view, 360.0 * k);
            glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0,
                                  reinterpret_cast<void*>(static_cast<uintptr_t>(r.firstSegment) * 4 * sizeof(float)));
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, r.segments);
        }
    }
    glBindVertexArray(0);
}

}  // namespace briefmap::render
