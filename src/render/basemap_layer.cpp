// Base-map geometry upload and drawing.
#include "render/basemap_layer.hpp"

#include <algorithm>
#include <array>
#include <future>

#include "geo/simplify.hpp"
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

// Simplification tolerances of the levels of detail, degrees. A level is used while its tolerance
// stays under kMaxTolerancePixels on screen.
constexpr double kLodTolerances[] = {0.0, 0.008, 0.02, 0.05, 0.12, 0.3};
constexpr double kMaxTolerancePixels = 0.6;

void stencilFanTriangles(const std::vector<Ring>& rings, double tolerance, std::vector<float>& out) {
    std::vector<LonLat> coarse;
    for (const Ring& full : rings) {
        const Ring r = geo::simplifyRing(full, tolerance);
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

}  // namespace

double pixelsPerDegree(const MapView& view) {
    return worldWidth(view.projection()) / 360.0 / view.unitsPerPixel();
}

Status BasemapLayer::init(const geo::Basemap& data) {
    // Programs survive re-initialisation so the driver's compiled variants (warm-up) are kept.
    if (!m_fillProgram.valid())
        if (Status s = m_fillProgram.build("fill.vert.glsl", "solid.frag.glsl"); !s) return s;
    if (!m_coverProgram.valid())
        if (Status s = m_coverProgram.build("cover.vert.glsl", "solid.frag.glsl"); !s) return s;
    if (!m_lineProgram.valid())
        if (Status s = m_lineProgram.build("line.vert.glsl", "line.frag.glsl"); !s) return s;
    m_emptyVao = makeVertexArray();
    m_rings.clear();
    for (const geo::Country& c : data.countries) m_rings.insert(m_rings.end(), c.rings.begin(), c.rings.end());
    m_fill.clear();
    m_fill.resize(std::size(kLodTolerances));
    const std::pair<LineSet*, std::vector<geo::Segment>> sets[] = {{&m_coast, data.coastlines},
                                                                   {&m_borders, data.countryBorders},
                                                                   {&m_admin1, data.admin1Borders},
                                                                   {&m_graticule, makeGraticule()}};
    for (const auto& [set, segments] : sets) {
        set->source = segments;
        set->levels.clear();
        set->levels.resize(std::size(kLodTolerances));
    }
    return Done{};
}

void BasemapLayer::buildLevel(Level& level, const LineSet* lines, size_t index, Projection projection) const {
    if (!level.built) {
        if (lines) {
            for (const geo::Segment& seg : geo::simplifyChains(lines->source, kLodTolerances[index])) {
                level.lonLat.insert(level.lonLat.end(), {static_cast<float>(seg.a.lon), static_cast<float>(seg.a.lat),
                                                         static_cast<float>(seg.b.lon), static_cast<float>(seg.b.lat)});
            }
            level.count = static_cast<GLsizei>(level.lonLat.size() / 4);
        } else {
            stencilFanTriangles(m_rings, kLodTolerances[index], level.lonLat);
            level.count = static_cast<GLsizei>(level.lonLat.size() / 2);
        }
        level.built = true;
    }
    if (level.projectedFor != projection) {
        level.projected.resize(level.lonLat.size());
        for (size_t i = 0; i + 1 < level.lonLat.size(); i += 2) {
            const Vec2d p = project(projection, {level.lonLat[i], level.lonLat[i + 1]});
            level.projected[i] = static_cast<float>(p.x);
            level.projected[i + 1] = static_cast<float>(p.y);
        }
        level.projectedFor = projection;
    }
}

void BasemapLayer::upload(Level& level, Projection projection, bool instanced) {
    if (level.uploaded == projection) return;
    if (!level.buffer) {
        level.buffer = makeBuffer();
        level.vao = makeVertexArray();
    }
    glBindVertexArray(level.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, level.buffer.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(level.projected.size() * sizeof(float)),
                 level.projected.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, instanced ? 4 : 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glVertexAttribDivisor(0, instanced ? 1 : 0);
    level.uploaded = projection;
}

void BasemapLayer::prepareLevels(const MapView& view, const BasemapStyle& style) {
    const size_t index = levelFor(view);
    const Projection projection = view.projection();
    struct Job {
        Level* level;
        const LineSet* lines;
    };
    std::array<Job, 5> jobs{};
    size_t count = 0;
    auto need = [&](Level& level, const LineSet* lines) {
        if (level.uploaded != projection) jobs[count++] = {&level, lines};
    };
    need(m_fill[index], nullptr);
    if (style.coastlines) need(m_coast.levels[index], &m_coast);
    if (style.countryBorders) need(m_borders.levels[index], &m_borders);
    if (style.admin1) need(m_admin1.levels[index], &m_admin1);
    if (style.graticule) need(m_graticule.levels[index], &m_graticule);
    if (count == 0) return;  // the steady state: nothing to build, nothing allocated
    // Simplifying, triangulating and projecting a level is CPU work independent per level: spread it
    // over the cores, then upload on this (the GL) thread.
    std::vector<std::future<void>> running;
    for (size_t i = 1; i < count; ++i)
        running.push_back(std::async(std::launch::async, [this, job = jobs[i], index, projection] {
            buildLevel(*job.level, job.lines, index, projection);
        }));
    buildLevel(*jobs[0].level, jobs[0].lines, index, projection);
    for (std::future<void>& f : running) f.get();
    for (size_t i = 0; i < count; ++i) upload(*jobs[i].level, projection, jobs[i].lines != nullptr);
}

size_t BasemapLayer::levelFor(const MapView& view) {
    const double ppd = pixelsPerDegree(view);
    size_t level = 0;
    for (size_t i = 1; i < std::size(kLodTolerances); ++i)
        if (kLodTolerances[i] * ppd <= kMaxTolerancePixels) level = i;
    return level;
}

void BasemapLayer::drawLines(LineSet& set, const MapView& view, int first, int last, Rgba color, float width) {
    const Level& level = set.levels[levelFor(view)];
    if (level.count == 0) return;
    m_lineProgram.use();
    setColor(m_lineProgram.uniform("u_color"), color);
    glUniform1f(m_lineProgram.uniform("u_width"), width);
    glBindVertexArray(level.vao.get());
    for (int k = first; k <= last; ++k) {
        setCameraUniforms(m_lineProgram, view, 360.0 * k);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, level.count);
    }
}

void BasemapLayer::draw(const MapView& view, const Theme& theme, const BasemapStyle& style) {
    int first = 0, last = 0;
    view.visibleWorldCopies(first, last);

    prepareLevels(view, style);
    // Land: even-odd parity of local fans in the stencil, then one cover pass per frame.
    const Level& fill = m_fill[levelFor(view)];
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
        glDrawArrays(GL_TRIANGLES, 0, fill.count);
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

    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    if (style.graticule) drawLines(m_graticule, view, first, last, theme.graticule, theme.graticuleWidth);
    const double ppd = pixelsPerDegree(view);
    if (style.admin1 && ppd >= kAdmin1PixelsPerDegree / 2) {
        Rgba c = theme.admin1Border;
        c.a *= static_cast<float>(std::clamp((ppd - kAdmin1PixelsPerDegree / 2) / kAdmin1PixelsPerDegree, 0.0, 1.0));
        drawLines(m_admin1, view, first, last, c, theme.admin1BorderWidth);
    }
    if (style.countryBorders) drawLines(m_borders, view, first, last, theme.countryBorder, theme.countryBorderWidth);
    if (style.coastlines) drawLines(m_coast, view, first, last, theme.coastline, theme.coastlineWidth);
    glBindVertexArray(0);
}

}  // namespace briefmap::render
