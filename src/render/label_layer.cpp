// Label layout (once), placement (on camera change) and SDF drawing.
#include "render/label_layer.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "render/basemap_layer.hpp"
#include "render/camera_uniforms.hpp"

namespace briefmap::render {

namespace {
constexpr float kLabelPadding = 3.0f;  // pixels kept clear around each label
}  // namespace

Status LabelLayer::compileShaders() {
    if (m_program.valid()) return Done{};  // kept across data changes, like the driver's variants
    return m_program.build("label.vert.glsl", "label.frag.glsl");
}

Texture uploadAtlasTexture(const GlyphAtlas& atlas) {
    Texture texture = makeTexture();
    glBindTexture(GL_TEXTURE_2D, texture.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.width(), atlas.height(), 0, GL_RED, GL_UNSIGNED_BYTE, atlas.pixels().data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    return texture;
}

void uploadLabelVertices(const Buffer& buffer, const VertexArray& vao, const std::vector<LabelVertex>& vertices) {
    glBindVertexArray(vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(LabelVertex)), vertices.data(), GL_STATIC_DRAW);
    const auto stride = static_cast<GLsizei>(sizeof(LabelVertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(LabelVertex, lon)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(LabelVertex, ox)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(LabelVertex, u)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(LabelVertex, label)));
    glBindVertexArray(0);
}

float useLabelProgram(const ShaderProgram& program, const MapView& view, const Texture& atlas, const Texture& placement) {
    program.use();
    setCameraUniforms(program, view, 0.0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, atlas.get());
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_BUFFER, placement.get());
    glUniform1i(program.uniform("u_atlas"), 0);
    glUniform1i(program.uniform("u_placement"), 1);
    const float edge = GlyphAtlas::kOnEdge / 255.0f;
    glUniform1f(program.uniform("u_edge"), edge);
    return edge;
}

void LabelLayer::setGeometry(LabelGeometry geometry) {
    m_atlasTexture = uploadAtlasTexture(geometry.atlas);
    m_vertices = makeBuffer();
    m_vao = makeVertexArray();
    uploadLabelVertices(m_vertices, m_vao, geometry.vertices);

    m_pixelDistanceScale = geometry.atlas.pixelDistanceScale();
    m_specs = std::move(geometry.specs);
    m_firstRegion = geometry.firstRegion;
    m_firstVertex = std::move(geometry.firstVertex);
    m_vertexCount = std::move(geometry.vertexCount);
    m_hasPlacement = false;
    m_placement.assign(m_specs.size() * 2, 0.0f);
    m_placed.reserve(m_specs.size());
    m_placementBuffer = makeBuffer();
    glBindBuffer(GL_TEXTURE_BUFFER, m_placementBuffer.get());
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(std::max<size_t>(1, m_placement.size()) * sizeof(float)),
                 nullptr, GL_DYNAMIC_DRAW);
    m_placementTexture = makeTexture();
    glBindTexture(GL_TEXTURE_BUFFER, m_placementTexture.get());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RG32F, m_placementBuffer.get());
    glBindTexture(GL_TEXTURE_BUFFER, 0);
}


void LabelLayer::setEnabled(bool countries, bool regions) {
    if (countries != m_countries || regions != m_regions) m_hasPlacement = false;
    m_countries = countries;
    m_regions = regions;
}

void LabelLayer::setRegionObstacles(const std::vector<ScreenBox>& boxes) {
    if (boxes == m_regionObstacles) return;
    m_regionObstacles = boxes;
    m_hasPlacement = false;
}

void LabelLayer::place(const MapView& view) {
    m_regionGrid.clear(view.width(), view.height());
    for (const ScreenBox& b : m_regionObstacles) m_regionGrid.insert(b);
    m_placed.assign(m_obstacles.begin(), m_obstacles.end());
    m_placedGrid.clear(view.width(), view.height());
    for (const ScreenBox& b : m_obstacles) m_placedGrid.insert(b);
    std::fill(m_placement.begin(), m_placement.end(), 0.0f);
    const double ppd = pixelsPerDegree(view);
    const double centerLon = view.screenToLonLat(view.width() / 2.0, view.height() / 2.0).lon;
    const bool regionsVisible = m_regions && ppd >= kAdmin1PixelsPerDegree * 1.4;
    const auto w = static_cast<float>(view.width()), h = static_cast<float>(view.height());
    for (size_t i = 0; i < m_specs.size(); ++i) {
        const LabelSpec& s = m_specs[i];
        if (s.kind == LabelKind::Country ? !m_countries : !regionsVisible) continue;
        const double shift = 360.0 * std::round((centerLon - s.anchor.lon) / 360.0);
        const Vec2d px = view.projectedToScreen(project(view.projection(), {s.anchor.lon + shift, s.anchor.lat}));
        if (s.kind == LabelKind::Country) {
            // Show a country's name only when the country is big enough on screen to carry it.
            const double cosLat = std::max(0.05, std::cos(s.anchor.lat * std::numbers::pi / 180.0));
            const double areaPx = s.countryArea * ppd * ppd / (view.projection() == Projection::Mercator ? cosLat * cosLat : cosLat);
            if (std::sqrt(areaPx) < 0.45 * s.width) continue;
        }
        const auto x = static_cast<float>(std::floor(px.x)), y = static_cast<float>(std::floor(px.y));
        const ScreenBox box{x - s.width / 2 - kLabelPadding, y - s.height / 2 - kLabelPadding,
                            x + s.width / 2 + kLabelPadding, y + s.height / 2 + kLabelPadding};
        if (box.x0 < 0 || box.y0 < 0 || box.x1 > w || box.y1 > h) continue;
        if (m_placedGrid.overlapsAny(box)) continue;
        if (s.kind == LabelKind::Region && m_regionGrid.overlapsAny(box)) continue;
        m_placed.push_back(box);
        m_placedGrid.insert(box);
        m_placement[2 * i] = 1.0f;
        m_placement[2 * i + 1] = static_cast<float>(shift);
    }
    glBindBuffer(GL_TEXTURE_BUFFER, m_placementBuffer.get());
    glBufferSubData(GL_TEXTURE_BUFFER, 0, static_cast<GLsizeiptr>(m_placement.size() * sizeof(float)), m_placement.data());
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    m_placedFor = view;
    m_hasPlacement = true;
}

void LabelLayer::draw(const MapView& view, const Theme& theme, const std::vector<ScreenBox>& obstacles) {
    if (m_specs.empty()) return;
    if (obstacles != m_obstacles) {
        m_obstacles = obstacles;
        m_hasPlacement = false;
    }
    const bool same = m_hasPlacement && m_placedFor.width() == view.width() && m_placedFor.height() == view.height() &&
                      m_placedFor.center().x == view.center().x && m_placedFor.center().y == view.center().y &&
                      m_placedFor.unitsPerPixel() == view.unitsPerPixel() && m_placedFor.projection() == view.projection();
    if (!same) place(view);

    const float edge = useLabelProgram(m_program, view, m_atlasTexture, m_placementTexture);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(m_vao.get());
    // Country and region labels differ in colour: two ranges of the same buffer.
    const size_t split = m_firstRegion;
    auto drawRange = [&](size_t from, size_t to, Rgba text, Rgba halo, float haloPixelsAtSdf) {
        if (from >= to) return;
        setColor(m_program.uniform("u_textColor"), text);
        setColor(m_program.uniform("u_haloColor"), halo);
        glUniform1f(m_program.uniform("u_haloEdge"), std::max(0.02f, edge - haloPixelsAtSdf * m_pixelDistanceScale));
        const GLint first = m_firstVertex[from];
        const GLsizei count = m_firstVertex[to - 1] + m_vertexCount[to - 1] - first;
        glDrawArrays(GL_TRIANGLES, first, count);
    };
    // Halo widths are in SDF pixels (32 px glyphs), about 2 screen pixels at label sizes.
    drawRange(0, split, theme.countryLabel, theme.countryLabelHalo, 4.0f);
    drawRange(split, m_specs.size(), theme.regionLabel, theme.regionLabelHalo, 4.0f);
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
}

}  // namespace briefmap::render
