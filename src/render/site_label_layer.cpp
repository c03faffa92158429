#include "render/site_label_layer.hpp"

#include <algorithm>
#include <cmath>

#include "render/camera_uniforms.hpp"

namespace briefmap::render {

Status SiteLabelLayer::compileShaders() {
    if (m_program.valid()) return Done{};
    return m_program.build("site_label.vert.glsl", "label.frag.glsl");
}

void SiteLabelLayer::upload(const SceneText& text) {
    m_atlasTexture = uploadAtlasTexture(text.atlas);
    m_pixelDistanceScale = text.atlas.pixelDistanceScale();
    if (!m_vertices) {
        m_vertices = makeBuffer();
        m_vao = makeVertexArray();
        m_placementBuffer = makeBuffer();
        m_placementTexture = makeTexture();
    }
    uploadLabelVertices(m_vertices, m_vao, text.vertices);
    m_vertexCount = static_cast<GLsizei>(text.vertices.size());
    m_specs = text.siteLabels;
    m_mentionLabels = text.mentionLabels;
    m_placement.assign(std::max<size_t>(1, m_specs.size()) * 4, 0.0f);
    glBindBuffer(GL_TEXTURE_BUFFER, m_placementBuffer.get());
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(m_placement.size() * sizeof(float)), m_placement.data(), GL_DYNAMIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, m_placementTexture.get());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, m_placementBuffer.get());
    glBindTexture(GL_TEXTURE_BUFFER, 0);
    m_visible.assign(m_specs.size(), 0);
    m_radii.assign(text.siteLabels.size(), 0);
    m_order.reserve(m_specs.size());
    m_placedBoxes.reserve(m_specs.size());
    m_hasPlacement = false;
}

void SiteLabelLayer::place(const MapView& view, const SceneGeometry& scene, const SceneFrame& frame,
                           const std::vector<ScreenBox>& obstacles, bool mentionLabels, const std::vector<uint8_t>* hiddenSites) {
    const size_t siteCount = scene.sites().size();
    if (m_specs.size() != siteCount + m_mentionLabels.size()) return;
    for (size_t i = 0; i < siteCount; ++i) {
        m_radii[i] = scene.radiusIn(scene.sites()[i], frame.day, frame.windowStart());
        m_visible[i] = m_radii[i] > 0 && !m_specs[i].line1.empty();  // unnamed or beyond the label budget: none
        if (hiddenSites && i < hiddenSites->size() && (*hiddenSites)[i]) m_visible[i] = 0;  // in a cluster
    }
    for (size_t i = siteCount; i < m_specs.size(); ++i)
        m_visible[i] = mentionLabels && m_mentionLabels[i - siteCount].firstDay <= frame.day;
    const bool same = m_hasPlacement && obstacles == m_obstacles && m_visible == m_placedVisible &&
                      m_placedFor.width() == view.width() && m_placedFor.height() == view.height() &&
                      m_placedFor.center().x == view.center().x && m_placedFor.center().y == view.center().y &&
                      m_placedFor.unitsPerPixel() == view.unitsPerPixel() && m_placedFor.projection() == view.projection();
    if (same) return;
    m_obstacles = obstacles;
    m_placedVisible = m_visible;
    m_placedFor = view;
    m_hasPlacement = true;
    std::fill(m_placement.begin(), m_placement.end(), 0.0f);
    m_placed.clear(view.width(), view.height());
    for (const ScreenBox& b : obstacles) m_placed.insert(b);
    m_placedBoxes.clear();
    const double centerLon = view.screenToLonLat(view.width() / 2.0, view.height() / 2.0).lon;
    const auto w = static_cast<float>(view.width()), h = static_cast<float>(view.height());
    // Bigger sites (more events, or quantity, so far) choose first, ties in site order; then the articles' places,
    // most named first (they come in that order).
    m_order.clear();
    for (uint32_t i = 0; i < siteCount; ++i)
        if (m_visible[i]) m_order.push_back(i);
    std::sort(m_order.begin(), m_order.end(),
              [&](uint32_t a, uint32_t b) { return m_radii[a] != m_radii[b] ? m_radii[a] > m_radii[b] : a < b; });
    for (uint32_t i = static_cast<uint32_t>(siteCount); i < m_specs.size(); ++i)
        if (m_visible[i]) m_order.push_back(i);
    for (const uint32_t i : m_order) {
        const LabelSpec& s = m_specs[i];
        const bool site = i < siteCount;
        const float radius = site ? m_radii[i]
                                  : m_mentionLabels[i - siteCount].radius;
        const LonLat position = site ? scene.sites()[i].position : m_mentionLabels[i - siteCount].position;
        const Vec2d c = view.projectedToScreen(project(view.projection(), {wrapNear(position.lon, centerLon), position.lat}));
        const float gap = radius + 4.0f;
        // Candidate centres (y down): right, left, above, below.
        const float cx[] = {gap + s.width / 2, -gap - s.width / 2, 0, 0};
        const float cy[] = {0, 0, -gap - s.height / 2, gap + s.height / 2};
        for (int k = 0; k < 4; ++k) {
            const float x = std::floor(static_cast<float>(c.x)) + cx[k], y = std::floor(static_cast<float>(c.y)) + cy[k];
            const ScreenBox box{x - s.width / 2 - 2, y - s.height / 2 - 2, x + s.width / 2 + 2, y + s.height / 2 + 2};
            if (box.x0 < 0 || box.y0 < 0 || box.x1 > w || box.y1 > h) continue;
            if (m_placed.overlapsAny(box)) continue;
            m_placed.insert(box);
            m_placedBoxes.push_back(box);
            m_placement[4 * i] = 1.0f;
            m_placement[4 * i + 1] = static_cast<float>(std::round((centerLon - position.lon) / 360.0) * 360.0);
            m_placement[4 * i + 2] = cx[k];
            m_placement[4 * i + 3] = -cy[k];  // the shader's offsets are y up
            break;
        }
    }
    glBindBuffer(GL_TEXTURE_BUFFER, m_placementBuffer.get());
    glBufferSubData(GL_TEXTURE_BUFFER, 0, static_cast<GLsizeiptr>(m_placement.size() * sizeof(float)), m_placement.data());
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
}

void SiteLabelLayer::draw(const MapView& view, const Theme& theme) {
    if (m_vertexCount == 0 || !m_hasPlacement) return;
    const float edge = useLabelProgram(m_program, view, m_atlasTexture, m_placementTexture);
    setColor(m_program.uniform("u_textColor"), theme.countryLabel);
    Rgba halo = theme.countryLabelHalo;
    halo.a = 0.95f;
    setColor(m_program.uniform("u_haloColor"), halo);
    glUniform1f(m_program.uniform("u_haloEdge"), std::max(0.02f, edge - 5.0f * m_pixelDistanceScale));
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(m_vao.get());
    glDrawArrays(GL_TRIANGLES, 0, m_vertexCount);
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
}

}  // namespace briefmap::render
