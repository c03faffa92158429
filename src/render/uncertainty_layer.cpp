#include "render/uncertainty_layer.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/projection.hpp"
#include "render/palette.hpp"

namespace briefmap::render {

double uncertaintyPixels(const MapView& view, LonLat at, double km) {
    const double north = std::min(89.9, at.lat + km / 111.195);
    const Vec2d a = view.projectedToScreen(project(view.projection(), at));
    const Vec2d b = view.projectedToScreen(project(view.projection(), {at.lon, north}));
    return std::abs(a.y - b.y) * (north - at.lat > 0 ? km / 111.195 / (north - at.lat) : 1.0);
}

void UncertaintyLayer::update(const SceneGeometry& scene, const MapView& view, const SceneFrame& frame, ThemeName theme,
                              const std::vector<uint8_t>* hiddenSites) {
    const size_t hidden = hiddenSites ? static_cast<size_t>(std::count(hiddenSites->begin(), hiddenSites->end(), 1)) : 0;
    if (m_valid && view.sameFrame(m_for) && frame.day == m_day && frame.windowStart() == m_since && scene.version() == m_version &&
        theme == m_theme && hidden == m_hiddenCount)
        return;
    m_for = view;
    m_day = frame.day;
    m_since = frame.windowStart();
    m_version = scene.version();
    m_theme = theme;
    m_hiddenCount = hidden;
    m_valid = true;
    m_vertices.clear();
    // The writer's text needs an atlas; circles and lines do not touch it.
    static const GlyphAtlas kNoAtlas;
    OverlayWriter w{kNoAtlas, m_vertices};
    const double centerLon = SceneGeometry::screenCenterLon(view);
    for (size_t i = 0; i < scene.sites().size(); ++i) {
        const SceneSite& site = scene.sites()[i];
        if (site.uncertaintyKm <= 0 || (hiddenSites && i < hiddenSites->size() && (*hiddenSites)[i])) continue;
        const float markerR = scene.radiusIn(site, frame.day, frame.windowStart());
        if (markerR <= 0) continue;
        const Vec2d c = SceneGeometry::siteOnScreen(view, site, centerLon);
        const double r = uncertaintyPixels(view, site.position, site.uncertaintyKm);
        // Inside its own marker it says nothing; past a screen it is everywhere.
        if (r < markerR + 2 || r > 4 * std::max(view.width(), view.height())) continue;
        if (c.x + r < 0 || c.y + r < 0 || c.x - r > view.width() || c.y - r > view.height()) continue;
        const model::EventKind kind = static_cast<model::EventKind>(site.kinds[scene.countAt(site, frame.day) - 1]);
        Rgba fill = kindColor(kind, theme), rim = fill;
        fill.a = 0.12f;
        rim.a = 0.7f;
        const auto x = static_cast<float>(c.x), y = static_cast<float>(c.y), radius = static_cast<float>(r);
        w.disc(x, y, radius, fill);
        const int segments = std::clamp(static_cast<int>(r / 3), 24, 160);
        float along = 0;
        for (int k = 0; k < segments; ++k) {
            const double a0 = 2 * std::numbers::pi * k / segments, a1 = 2 * std::numbers::pi * (k + 1) / segments;
            const auto x0 = static_cast<float>(c.x + r * std::cos(a0)), y0 = static_cast<float>(c.y + r * std::sin(a0));
            const auto x1 = static_cast<float>(c.x + r * std::cos(a1)), y1 = static_cast<float>(c.y + r * std::sin(a1));
            w.segment(x0, y0, x1, y1, 1.3f, along, rim, true);
            along += std::hypot(x1 - x0, y1 - y0);
        }
    }
    m_batch.upload(m_vertices);
}

void UncertaintyLayer::draw(const ShaderProgram& program, const Texture& atlas, int width, int height) const {
    if (m_vertices.empty()) return;
    m_batch.draw(program, atlas, width, height);
}

}  // namespace briefmap::render
