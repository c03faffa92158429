// Base-map upload and drawing.
#include "render/basemap_layer.hpp"

#include <algorithm>

#include "render/camera_uniforms.hpp"

namespace briefmap::render {

Status BasemapLayer::compileShaders() {
    if (!m_fillProgram.valid())
        if (Status s = m_fillProgram.build("fill.vert.glsl", "solid.frag.glsl"); !s) return s;
    if (!m_coverProgram.valid())
        if (Status s = m_coverProgram.build("cover.vert.glsl", "solid.frag.glsl"); !s) return s;
    if (!m_lineProgram.valid())
        if (Status s = m_lineProgram.build("line.vert.glsl", "line.frag.glsl"); !s) return s;
    if (!m_emptyVao) m_emptyVao = makeVertexArray();
    return Done{};
}

void BasemapLayer::setGeometry(BasemapGeometry geometry) {
    m_geometry = std::move(geometry);
    for (auto& levels : m_gpu) {
        levels.clear();
        levels.resize(BasemapGeometry::levelCount());
    }
}

void BasemapLayer::setDetail(std::shared_ptr<const geo::DetailMap> detail) {
    m_geometry.setDetail(std::move(detail));
    for (auto& levels : m_gpu)
        for (GpuLevel& level : levels) level.uploaded.reset();  // re-uploaded from the rebuilt levels
}

BasemapLayer::GpuLevel& BasemapLayer::upload(GeometrySet set, size_t index, Projection projection) {
    GpuLevel& gpu = m_gpu[size_t(set)][index];
    if (gpu.uploaded == projection) return gpu;
    const LevelGeometry& level = m_geometry.get(set, index);
    if (!gpu.buffer) {
        gpu.buffer = makeBuffer();
        gpu.vao = makeVertexArray();
    }
    const bool instanced = set != GeometrySet::Fill;
    glBindVertexArray(gpu.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, gpu.buffer.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(level.projected.size() * sizeof(float)),
                 level.projected.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, instanced ? 4 : 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glVertexAttribDivisor(0, instanced ? 1 : 0);
    gpu.uploaded = projection;
    return gpu;
}

void BasemapLayer::drawLines(GeometrySet set, const MapView& view, int first, int last, Rgba color, float width) {
    const size_t index = BasemapGeometry::levelFor(view);
    const LevelGeometry& level = m_geometry.get(set, index);
    if (level.count == 0) return;
    const GpuLevel& gpu = upload(set, index, view.projection());
    m_lineProgram.use();
    setColor(m_lineProgram.uniform("u_color"), color);
    glUniform1f(m_lineProgram.uniform("u_width"), width);
    glBindVertexArray(gpu.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, gpu.buffer.get());
    const GeoBounds extent = view.geoExtent();
    for (int k = first; k <= last; ++k) {
        setCameraUniforms(m_lineProgram, view, 360.0 * k);
        forEachVisibleRange(level, extent, 360.0 * k, [](int from, int count) {
            // GL 3.3 has no base instance: point the per-instance attribute at the run's first segment.
            glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0,
                                  reinterpret_cast<void*>(static_cast<uintptr_t>(from) * 4 * sizeof(float)));
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count);
        });
    }
}

void BasemapLayer::fillRings(GeometrySet set, size_t lod, const MapView& view, int first, int last, Rgba color) {
    const GpuLevel& fill = upload(set, lod, view.projection());
    const LevelGeometry& fillGeometry = m_geometry.get(set, lod);
    if (fillGeometry.count == 0) return;
    const GeoBounds extent = view.geoExtent();
    glEnable(GL_STENCIL_TEST);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilFunc(GL_ALWAYS, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
    glStencilMask(0x01);
    m_fillProgram.use();
    glBindVertexArray(fill.vao.get());
    for (int k = first; k <= last; ++k) {
        // World copies never overlap, so their parities do not interfere.
        setCameraUniforms(m_fillProgram, view, 360.0 * k);
        forEachVisibleRange(fillGeometry, extent, 360.0 * k,
                            [](int from, int count) { glDrawArrays(GL_TRIANGLES, from * 3, count * 3); });
    }
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilFunc(GL_EQUAL, 1, 0x01);
    glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);  // the cover leaves the stencil clear for the next fill
    m_coverProgram.use();
    setColor(m_coverProgram.uniform("u_color"), color);
    glBindVertexArray(m_emptyVao.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glDisable(GL_STENCIL_TEST);
    glStencilMask(0xFF);
}

void BasemapLayer::draw(const MapView& view, const Theme& theme, const BasemapStyle& style) {
    int first = 0, last = 0;
    view.visibleWorldCopies(first, last);

    const size_t lod = BasemapGeometry::levelFor(view);
    m_geometry.prepare(lod, view.projection(), style);
    // Land: even-odd parity of local fans in the stencil, then one cover pass per frame.
    fillRings(GeometrySet::Fill, lod, view, first, last, theme.land);

    const double ppd = pixelsPerDegree(view);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    if (style.water && m_geometry.hasDetail()) {
        // Lakes in the sea's colour, rivers as hairlines: reference detail, faded in with the zoom.
        if (const double a = fadeIn(ppd, kLakesFromPixelsPerDegree, kLakesFullPixelsPerDegree); a > 0) {
            Rgba lake = theme.lake;
            lake.a *= static_cast<float>(a);
            fillRings(GeometrySet::Lakes, lod, view, first, last, lake);
            glEnable(GL_BLEND);
        }
        if (const double a = fadeIn(ppd, kRiversFromPixelsPerDegree, kRiversFullPixelsPerDegree); a > 0) {
            Rgba river = theme.river;
            river.a *= static_cast<float>(a);
            drawLines(GeometrySet::Rivers, view, first, last, river, theme.riverWidth);
        }
    }
    if (style.graticule) drawLines(GeometrySet::Graticule, view, first, last, theme.graticule, theme.graticuleWidth);
    if (style.admin1 && ppd >= kAdmin1PixelsPerDegree / 2) {
        Rgba c = theme.admin1Border;
        c.a *= static_cast<float>(std::clamp((ppd - kAdmin1PixelsPerDegree / 2) / kAdmin1PixelsPerDegree, 0.0, 1.0));
        drawLines(GeometrySet::Admin1, view, first, last, c, theme.admin1BorderWidth);
    }
    if (style.countryBorders) drawLines(GeometrySet::CountryBorders, view, first, last, theme.countryBorder, theme.countryBorderWidth);
    if (style.coastlines) drawLines(GeometrySet::Coastlines, view, first, last, theme.coastline, theme.coastlineWidth);
    glBindVertexArray(0);
}

}  // namespace briefmap::render
