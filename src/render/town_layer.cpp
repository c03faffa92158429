// Town placement (on camera change) and drawing with the label shader.
#include "render/town_layer.hpp"

#include <algorithm>
#include <cmath>

#include "render/basemap_geometry.hpp"
#include "render/camera_uniforms.hpp"
#include "render/label_layer.hpp"

namespace briefmap::render {

namespace {
constexpr float kDotSize = 9.0f;      // the dot glyph's text size, pixels (a disc ~5 px across)
constexpr float kDotGap = 4.5f;       // from the dot's centre to its label
constexpr float kPadding = 2.0f;      // kept clear around a town's label
constexpr size_t kMaxTowns = 300;     // per view: reference, not clutter
}  // namespace

Status TownLayer::compileShaders() {
    if (m_program.valid()) return Done{};
    return m_program.build("label.vert.glsl", "label.frag.glsl");
}

void TownLayer::setTowns(std::shared_ptr<const TownSet> towns) {
    m_towns = std::move(towns);
    m_atlasTexture = uploadAtlasTexture(m_towns->atlas);
    m_vertices = makeBuffer();
    m_vao = makeVertexArray();
    m_placementBuffer = makeBuffer();
    glBindBuffer(GL_TEXTURE_BUFFER, m_placementBuffer.get());
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(kMaxTowns * 2 * sizeof(float)), nullptr, GL_DYNAMIC_DRAW);
    m_placementTexture = makeTexture();
    glBindTexture(GL_TEXTURE_BUFFER, m_placementTexture.get());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RG32F, m_placementBuffer.get());
    glBindTexture(GL_TEXTURE_BUFFER, 0);
    m_hasPlacement = m_hasMajor = false;
}

template <typename Placed>
void TownLayer::placeTowns(const MapView& view, uint32_t minPopulation, Placed placed) {
    const double threshold = townPopulationThreshold(pixelsPerDegree(view));
    const GeoBounds extent = view.geoExtent();
    const double centerLon = view.screenToLonLat(view.width() / 2.0, view.height() / 2.0).lon;
    const auto w = static_cast<float>(view.width()), h = static_cast<float>(view.height());
    const TownSet& set = *m_towns;
    size_t count = 0;
    for (uint32_t i = 0; i < set.towns.size() && count < kMaxTowns; ++i) {
        const Town& t = set.towns[i];
        const float opacity = townOpacity(t.population, threshold);
        if (opacity <= 0 || t.population < minPopulation) break;  // largest first: every later town is smaller
        const double shift = 360.0 * std::round((centerLon - t.lon) / 360.0);
        const double lon = t.lon + shift;
        if (lon < extent.west || lon > extent.east || t.lat < extent.south || t.lat > extent.north) continue;
        const Vec2d px = view.projectedToScreen(project(view.projection(), {lon, t.lat}));
        const auto x = static_cast<float>(std::floor(px.x)), y = static_cast<float>(std::floor(px.y));
        const float half = t.size * 0.6f;
        const ScreenBox dotBox{x - 3, y - 3, x + 3, y + 3};
        const ScreenBox right{x - 3, y - half - kPadding, x + kDotGap + t.width + kPadding, y + half + kPadding};
        const ScreenBox left{x - kDotGap - t.width - kPadding, y - half - kPadding, x + 3, y + half + kPadding};
        const auto inside = [&](const ScreenBox& b) { return b.x0 >= 0 && b.y0 >= 0 && b.x1 <= w && b.y1 <= h; };
        if (!inside(dotBox) || m_grid.overlapsAny(dotBox)) continue;
        float side = 0;
        if (inside(right) && !m_grid.overlapsAny(right)) side = 1;
        else if (inside(left) && !m_grid.overlapsAny(left)) side = -1;
        else continue;
        const ScreenBox& box = side > 0 ? right : left;
        m_grid.insert(box);
        ++count;
        placed(i, box, side, opacity, shift);
    }
}

const std::vector<ScreenBox>& TownLayer::majorTownBoxes(const MapView& view, const std::vector<ScreenBox>& obstacles) {
    // Steady frames (time playing, the camera still) reuse the last answer: no work per frame.
    if (m_hasMajor && m_majorFor.sameFrame(view) && obstacles == m_majorObstacles) return m_majorBoxes;
    m_hasMajor = true;
    m_majorFor = view;
    m_majorObstacles.assign(obstacles.begin(), obstacles.end());
    m_majorBoxes.clear();
    if (!m_towns || !std::isfinite(townPopulationThreshold(pixelsPerDegree(view)))) return m_majorBoxes;
    m_grid.clear(view.width(), view.height());
    for (const ScreenBox& b : obstacles) m_grid.insert(b);
    placeTowns(view, kMajorTown, [&](uint32_t, const ScreenBox& box, float, float, double) { m_majorBoxes.push_back(box); });
    return m_majorBoxes;
}

void TownLayer::place(const MapView& view) {
    m_placedFor = view;
    m_hasPlacement = true;
    m_placedTowns.clear();
    m_placement.clear();
    m_vertexData.clear();
    m_labelData.clear();
    m_grid.clear(view.width(), view.height());
    for (const ScreenBox& b : m_obstacles) m_grid.insert(b);
    const TownSet& set = *m_towns;
    const Glyph* dot = set.atlas.find(TownSet::kDot);
    placeTowns(view, 0, [&](uint32_t i, const ScreenBox&, float side, float opacity, double shift) {
        const Town& t = set.towns[i];
        const auto index = static_cast<float>(m_placedTowns.size());
        m_placedTowns.push_back(i);
        m_placement.insert(m_placement.end(), {opacity, static_cast<float>(shift)});
        const LonLat anchor{t.lon, t.lat};
        if (dot) {
            // The disc glyph centred on the town (its quad is relative to the pen and baseline).
            const float s = kDotSize / GlyphAtlas::kSdfPixelHeight;
            const float cx = (dot->x0 + dot->x1) / 2 * s, cy = (dot->y0 + dot->y1) / 2 * s;
            const float x0 = dot->x0 * s - cx, x1 = dot->x1 * s - cx, y0 = -(dot->y0 * s - cy), y1 = -(dot->y1 * s - cy);
            const LabelVertex a{float(anchor.lon), float(anchor.lat), x0, y0, dot->u0, dot->v0, index};
            const LabelVertex b{float(anchor.lon), float(anchor.lat), x1, y0, dot->u1, dot->v0, index};
            const LabelVertex c{float(anchor.lon), float(anchor.lat), x0, y1, dot->u0, dot->v1, index};
            const LabelVertex d{float(anchor.lon), float(anchor.lat), x1, y1, dot->u1, dot->v1, index};
            m_vertexData.insert(m_vertexData.end(), {a, b, c, b, d, c});
        }
        const size_t from = m_labelData.size();
        layoutLine(set.atlas, set.name(t), t.size, 0, 0.32f * t.size, index, anchor, &m_labelData);
        // layoutLine centres the line on the anchor: move it beside the dot.
        const float dx = side * (kDotGap + t.width / 2);
        for (size_t v = from; v < m_labelData.size(); ++v) m_labelData[v].ox += dx;
    });
    m_dotVertices = static_cast<int>(m_vertexData.size());
    m_labelVertices = static_cast<int>(m_labelData.size());
    m_vertexData.insert(m_vertexData.end(), m_labelData.begin(), m_labelData.end());
    uploadLabelVertices(m_vertices, m_vao, m_vertexData);
    if (!m_placement.empty()) {
        glBindBuffer(GL_TEXTURE_BUFFER, m_placementBuffer.get());
        glBufferSubData(GL_TEXTURE_BUFFER, 0, static_cast<GLsizeiptr>(m_placement.size() * sizeof(float)), m_placement.data());
        glBindBuffer(GL_TEXTURE_BUFFER, 0);
    }
}

void TownLayer::draw(const MapView& view, const Theme& theme, const std::vector<ScreenBox>& obstacles) {
    if (!m_towns) return;
    if (!std::isfinite(townPopulationThreshold(pixelsPerDegree(view)))) {
        m_placedTowns.clear();
        m_hasPlacement = false;
        return;
    }
    if (obstacles != m_obstacles) {
        m_obstacles = obstacles;
        m_hasPlacement = false;
    }
    if (!m_hasPlacement || !m_placedFor.sameFrame(view)) place(view);
    if (m_placedTowns.empty()) return;

    const float edge = useLabelProgram(m_program, view, m_atlasTexture, m_placementTexture);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(m_vao.get());
    const float scale = m_towns->atlas.pixelDistanceScale();
    setColor(m_program.uniform("u_haloColor"), theme.townLabelHalo);
    glUniform1f(m_program.uniform("u_haloEdge"), std::max(0.02f, edge - 3.0f * scale));
    if (m_dotVertices > 0) {
        setColor(m_program.uniform("u_textColor"), theme.town);
        glDrawArrays(GL_TRIANGLES, 0, m_dotVertices);
    }
    if (m_labelVertices > 0) {
        setColor(m_program.uniform("u_textColor"), theme.townLabel);
        glDrawArrays(GL_TRIANGLES, m_dotVertices, m_labelVertices);
    }
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
}

}  // namespace briefmap::render
