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
constexpr float kCountryTracking = 1.2f;

std::string upperAscii(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

struct Vertex {
    float lon, lat, ox, oy, u, v, label;
};

// Appends one line of glyph quads centred horizontally; returns its width in pixels.
float layoutLine(const GlyphAtlas& atlas, std::string_view text, float size, float tracking, float baseline,
                 float labelIndex, LonLat anchor, std::vector<Vertex>* out) {
    const std::u32string cps = decodeUtf8(text);
    const float scale = size / GlyphAtlas::kSdfPixelHeight;
    float width = 0;
    for (size_t i = 0; i < cps.size(); ++i) {
        const Glyph* g = atlas.find(cps[i]);
        if (!g) continue;
        width += g->advance * scale + tracking;
        if (i + 1 < cps.size()) width += atlas.kerning(cps[i], cps[i + 1]) * scale;
    }
    width -= tracking;
    if (!out) return width;
    float pen = -width / 2;
    for (size_t i = 0; i < cps.size(); ++i) {
        const Glyph* g = atlas.find(cps[i]);
        if (!g) continue;
        const float x0 = pen + g->x0 * scale, x1 = pen + g->x1 * scale;
        const float y0 = -(baseline + g->y0 * scale), y1 = -(baseline + g->y1 * scale);  // y up
        const Vertex a{float(anchor.lon), float(anchor.lat), x0, y0, g->u0, g->v0, labelIndex};
        const Vertex b{float(anchor.lon), float(anchor.lat), x1, y0, g->u1, g->v0, labelIndex};
        const Vertex c{float(anchor.lon), float(anchor.lat), x0, y1, g->u0, g->v1, labelIndex};
        const Vertex d{float(anchor.lon), float(anchor.lat), x1, y1, g->u1, g->v1, labelIndex};
        out->insert(out->end(), {a, b, c, b, d, c});
        pen += g->advance * scale + tracking;
        if (i + 1 < cps.size()) pen += atlas.kerning(cps[i], cps[i + 1]) * scale;
    }
    return width;
}

}  // namespace

std::vector<LabelSpec> makeLabelSpecs(const geo::Basemap& data) {
    std::vector<LabelSpec> specs;
    std::vector<const geo::Country*> countries;
    for (const geo::Country& c : data.countries) countries.push_back(&c);
    std::sort(countries.begin(), countries.end(),
              [](const geo::Country* a, const geo::Country* b) { return a->labelArea > b->labelArea; });
    for (const geo::Country* c : countries) {
        LabelSpec s{LabelKind::Country, c->labelAnchor, upperAscii(c->name), "", c->labelArea > 400 ? 15.0f : 12.5f,
                    0, c->labelArea};
        specs.push_back(std::move(s));
    }
    std::vector<const geo::RegionLabel*> regions;
    for (const geo::RegionLabel& r : data.admin1Labels) regions.push_back(&r);
    std::stable_sort(regions.begin(), regions.end(),
                     [](const geo::RegionLabel* a, const geo::RegionLabel* b) { return a->rank < b->rank; });
    for (const geo::RegionLabel* r : regions) {
        LabelSpec s{LabelKind::Region, r->anchor, r->name, r->nativeName == r->name ? "" : r->nativeName, 11.5f,
                    10.5f, 0};
        specs.push_back(std::move(s));
    }
    return specs;
}

Status LabelLayer::init(const geo::Basemap& data, const std::string& fontPath) {
    if (!m_program.valid())  // kept across re-initialisation, like the driver's compiled variants
        if (Status s = m_program.build("label.vert.glsl", "label.frag.glsl"); !s) return s;
    m_firstVertex.clear();
    m_vertexCount.clear();
    m_hasPlacement = false;
    m_specs = makeLabelSpecs(data);
    m_firstRegion = static_cast<size_t>(std::find_if(m_specs.begin(), m_specs.end(),
                                                     [](const LabelSpec& s) { return s.kind == LabelKind::Region; }) -
                                        m_specs.begin());
    std::vector<std::string_view> texts;
    for (const LabelSpec& s : m_specs) {
        texts.push_back(s.line1);
        texts.push_back(s.line2);
    }
    Result<GlyphAtlas> atlas = GlyphAtlas::build(fontPath, texts);
    if (!atlas) return atlas.error();
    m_pixelDistanceScale = atlas->pixelDistanceScale();

    std::vector<Vertex> vertices;
    for (size_t i = 0; i < m_specs.size(); ++i) {
        LabelSpec& s = m_specs[i];
        const float tracking = s.kind == LabelKind::Country ? kCountryTracking : 0.0f;
        const float lineHeight1 = s.size1 * 1.2f, lineHeight2 = s.line2.empty() ? 0.0f : s.size2 * 1.2f;
        s.height = lineHeight1 + lineHeight2;
        const float top = -s.height / 2;
        m_firstVertex.push_back(static_cast<GLint>(vertices.size()));
        const float w1 = layoutLine(*atlas, s.line1, s.size1, tracking, top + 0.92f * s.size1, float(i), s.anchor, &vertices);
        float w2 = 0;
        if (!s.line2.empty())
            w2 = layoutLine(*atlas, s.line2, s.size2, 0, top + lineHeight1 + 0.92f * s.size2, float(i), s.anchor, &vertices);
        s.width = std::max(w1, w2);
        m_vertexCount.push_back(static_cast<GLsizei>(vertices.size()) - m_firstVertex.back());
    }

    m_atlasTexture = makeTexture();
    glBindTexture(GL_TEXTURE_2D, m_atlasTexture.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas->width(), atlas->height(), 0, GL_RED, GL_UNSIGNED_BYTE,
                 atlas->pixels().data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);

    m_vertices = makeBuffer();
    m_vao = makeVertexArray();
    glBindVertexArray(m_vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_vertices.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(Vertex)), vertices.data(), GL_STATIC_DRAW);
    const auto stride = static_cast<GLsizei>(sizeof(Vertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, lon)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, ox)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, u)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, label)));
    glBindVertexArray(0);

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
    return Done{};
}

void LabelLayer::setEnabled(bool countries, bool regions) {
    if (countries != m_countries || regions != m_regions) m_hasPlacement = false;
    m_countries = countries;
    m_regions = regions;
}

void LabelLayer::place(const MapView& view) {
    m_placed.assign(m_obstacles.begin(), m_obstacles.end());
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
        if (std::any_of(m_placed.begin(), m_placed.end(), [&](const ScreenBox& b) { return b.overlaps(box); })) continue;
        m_placed.push_back(box);
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

    m_program.use();
    setCameraUniforms(m_program, view, 0.0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_atlasTexture.get());
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_BUFFER, m_placementTexture.get());
    glUniform1i(m_program.uniform("u_atlas"), 0);
    glUniform1i(m_program.uniform("u_placement"), 1);
    const float edge = GlyphAtlas::kOnEdge / 255.0f;
    glUniform1f(m_program.uniform("u_edge"), edge);
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
