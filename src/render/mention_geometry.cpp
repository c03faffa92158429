#include "render/mention_geometry.hpp"

#include <limits>

namespace briefmap::render {

void MentionGeometry::build(const model::ArticleMentions& mentions) {
    m_instances.clear();
    m_positions.clear();
    for (const model::MentionedPlace& p : mentions.places) {
        const float firstDay = p.firstDay == model::MentionArticle::kUndated ? -1e9f : static_cast<float>(p.firstDay);
        m_instances.push_back({static_cast<float>(p.position.lon), static_cast<float>(p.position.lat),
                               mentionRadius(p.occurrences.size()), firstDay});
        m_positions.push_back(p.position);
    }
    ++m_version;
}

double MentionGeometry::centerLon(const MapView& view) {
    return view.screenToLonLat(view.width() / 2.0, view.height() / 2.0).lon;
}

Vec2d MentionGeometry::onScreen(const MapView& view, uint32_t place, double centerLon) const {
    const LonLat p = m_positions[place];
    return view.projectedToScreen(project(view.projection(), {wrapNear(p.lon, centerLon), p.lat}));
}

std::optional<uint32_t> MentionGeometry::pick(const MapView& view, double px, double py, double day) const {
    std::optional<uint32_t> best;
    double bestDistance = std::numeric_limits<double>::max();
    const double lon = centerLon(view);
    for (uint32_t i = 0; i < m_instances.size(); ++i) {
        if (!visibleAt(i, day)) continue;
        const Vec2d c = onScreen(view, i, lon);
        const double d = std::hypot(c.x - px, c.y - py);
        if (d <= m_instances[i].radius + 4.0 && d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

std::vector<uint32_t> MentionGeometry::near(LonLat point, double km) const {
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i < m_positions.size(); ++i)
        if (greatCircleKm(point, m_positions[i]) <= km) out.push_back(i);
    return out;
}

std::vector<MentionLabel> mentionLabels(const model::ArticleMentions& mentions, const SceneGeometry& scene) {
    std::vector<MentionLabel> out;
    for (const model::MentionedPlace& p : mentions.places) {
        const bool nearSite = std::any_of(scene.sites().begin(), scene.sites().end(), [&](const SceneSite& s) {
            return greatCircleKm(s.position, p.position) <= 25.0;
        });
        if (nearSite) continue;
        const float firstDay = p.firstDay == model::MentionArticle::kUndated ? -1e9f : static_cast<float>(p.firstDay);
        out.push_back({p.position, p.name, mentionRadius(p.occurrences.size()), firstDay});
    }
    return out;
}

}  // namespace briefmap::render
