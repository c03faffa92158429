// Base-map geometry upload and drawing.
#include "render/basemap_layer.hpp"

#include <algorithm>

#include "render/camera_uniforms.hpp"

namespace briefmap::render {

namespace {

std::vector<geo::Segment> makeGraticule() {
    std::vector<geo::Segment> s;
    // Meridians and parallels are straight lines in both projections: one segment each.
    for (int lon = -180; lon < 180; lon += 10) s.push_back({{double(lon), -80.0}, {double(lon), 80.0}});
    for (int lat = -80; lat <= 80; lat += 10) s.push_back({{-180.0, double(lat)}, {180.0, double(lat)}});
    return s;
}

// Even-odd fill by stencil parity works for any decomposition of a ring into closed loops whose
// parities add up to the ring's. A fan from one vertex to every edge of a long, wiggly coastline makes
// huge overlapping slivers (5-10x overdraw that crosses every raster tile). Instead, each run of
// kChunk consecutive vertices gets its own small local fan, and one coarse fan over the runs' first
// vertices closes the loop: the shared chords cancel in parity.
constexpr size_t kChunk = 24;

void appendTriangle(std::vector<float>& out, LonLat a, LonLat b, LonLat c) {
    out.insert(out.end(), {float(a.lon), float(a.lat), float(b.lon), float(b.lat), float(c.lon), float(c.lat)});
}

std::vector<float> stencilFanTriangles(const geo::Basemap& data) {
    std::vector<float> out;
    std::vector<LonLat> coarse;
    for (const geo::Country& c : data.countries) {
        for (const Ring& r : c.rings) {
            const size_t n = r.size() - (r.size() > 1 && r.front() == r.back() ? 1 : 0);
            if (n < 3) continue;
            coarse.clear();
            for (size_t start = 0; start < n; start += kChunk) {
                const size_t end = std::min(start + kChunk, n);  // chunk covers vertices start..end (wrapping)
                coarse.push_back(r[start]);
                for (size_t i = start + 1; i < end; ++i) appendTriangle(out, r[start], r[i], r[(i + 1) % n]);
            }
            for (size_t i = 1; i + 1 < coarse.size(); ++i) appendTriangle(out, coarse[0], coarse[i], coarse[i + 1]);
        }
    }
    return out;
}

}  // namespace

double pixelsPerDegree(const MapView& view) {
    return worldWidth(view.projection()) / 360.0 / view.unitsPerPixel();
}

Status BasemapLayer::init(const geo::Basemap& data) {
    if (Status s = m_fillProgram.build("fill.vert.glsl", "solid.frag.glsl"); !s) return s;
    if (Status s = m_coverProgram.build("cover.vert.glsl", "solid.frag.glsl"); !s) return s;
    if (Status s = m_lineProgram.build("line.vert.glsl", "line.frag.glsl"); !s) return s;

    std::vector<float> vertices = stencilFanTriangles(data);
    m_fillVertexCount = static_cast<GLsizei>(vertices.size() / 2);
    m_ringBuffer = makeBuffer();
    m_ringVao = makeVertexArray();
    m_emptyVao = makeVertexArray();
    glBindVertexArray(m_ringVao.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_ringBuffer.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)), vertices.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);

    uploadLines(m_coast, data.coastlines);
    uploadLines(m_borders, data.countryBorders);
    uploadLines(m_admin1, data.admin1Borders);
    uploadLines(m_graticule, makeGraticule());
    glBindVertexArray(0);
    return Done{};
}

void BasemapLayer::uploadLines(LineBatch& batch, const std::vector<geo::Segment>& segments) {
    std::vector<float> data;
    data.reserve(segments.size() * 4);
    for (const geo::Segment& s : segments) {
        data.insert(data.end(), {static_cast<float>(s.a.lon), static_cast<float>(s.a.lat),
                                 static_cast<float>(s.b.lon), static_cast<float>(s.b.lat)});
    }
    batch.buffer = makeBuffer();
    batch.vao = makeVertexArray();
    batch.count = static_cast<GLsizei>(segments.size());
    glBindVertexArray(batch.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, batch.buffer.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
    glVertexAttribDivisor(0, 1);
}

void BasemapLayer::drawLines(const LineBatch& batch, const MapView& view, int first, int last, Rgba color,
                             float width) const {
    if (batch.count == 0 || getenv("NOLINES")) return;
    m_lineProgram.use();
    setColor(m_lineProgram.uniform("u_color"), color);
    glUniform1f(m_lineProgram.uniform("u_width"), width);
    glBindVertexArray(batch.vao.get());
    for (int k = first; k <= last; ++k) {
        setCameraUniforms(m_lineProgram, view, 360.0 * k);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, batch.count);
    }
}

void BasemapLayer::draw(const MapView& view, const Theme& theme, const BasemapStyle& style) const {
    int first = 0, last = 0;
    view.visibleWorldCopies(first, last);

    if (!getenv("NOFILL")) {
    // Land: even-odd parity of triangle fans in the stencil, then one cover pass per frame.
    glEnable(GL_STENCIL_TEST);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilFunc(GL_ALWAYS, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
    glStencilMask(0x01);
    m_fillProgram.use();
    glBindVertexArray(m_ringVao.get());
    for (int k = first; k <= last; ++k) {
        // Each world copy toggles its own stencil bit pattern; copies never overlap, so parity holds.
        setCameraUniforms(m_fillProgram, view, 360.0 * k);
        glDrawArrays(GL_TRIANGLES, 0, m_fillVertexCount);
    }
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilFunc(GL_EQUAL, 1, 0x01);
    glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
    m_coverProgram.use();
    setColor(m_coverProgram.uniform("u_color"), theme.land);
    glBindVertexArray(m_emptyVao.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glDisable(GL_STENCIL_TEST);
    glStencilMask(0xFF);
    }
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    if (style.graticule) drawLines(m_graticule, view, first, last, theme.graticule, theme.graticuleWidth);
    const double ppd = pixelsPerDegree(view);
    if (style.admin1 && ppd >= kAdmin1PixelsPerDegree) {
        Rgba c = theme.admin1Border;
        c.a *= static_cast<float>(std::clamp((ppd - kAdmin1PixelsPerDegree) / kAdmin1PixelsPerDegree, 0.0, 1.0));
        drawLines(m_admin1, view, first, last, c, theme.admin1BorderWidth);
    }
    drawLines(m_borders, view, first, last, theme.countryBorder, theme.countryBorderWidth);
    drawLines(m_coast, view, first, last, theme.coastline, theme.coastlineWidth);
    glBindVertexArray(0);
}

}  // namespace briefmap::render
