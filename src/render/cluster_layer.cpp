#include "render/cluster_layer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>

#include "render/palette.hpp"

namespace briefmap::render {

namespace {

struct Shown {
    uint32_t site = 0, instance = 0;
    Vec2d at;
    size_t count = 0;
    double quantity = 0;
    float radius = 0;
};

}  // namespace

void clusterSites(const SceneGeometry& scene, const MapView& view, const SceneFrame& frame,
                  std::vector<MarkerCluster>& clusters, std::vector<uint8_t>& hidden, std::vector<uint8_t>& hiddenSites) {
    clusters.clear();
    hidden.assign(scene.siteInstances().size(), 0);
    hiddenSites.assign(scene.sites().size(), 0);
    thread_local std::vector<Shown> shown;
    shown.clear();
    const double since = frame.windowStart(), centerLon = SceneGeometry::screenCenterLon(view), margin = 40;
    uint32_t instance = 0;
    for (uint32_t s = 0; s < scene.sites().size(); ++s) {
        const SceneSite& site = scene.sites()[s];
        if (site.events.empty()) continue;
        const uint32_t k = instance++;
        const size_t count = scene.countIn(site, frame.day, since);
        if (count == 0) continue;
        const Vec2d p = SceneGeometry::siteOnScreen(view, site, centerLon);
        if (p.x < -margin || p.y < -margin || p.x > view.width() + margin || p.y > view.height() + margin) continue;
        shown.push_back({s, k, p, count, scene.sizeByQuantity() ? scene.quantityIn(site, frame.day, since) : 0.0,
                         scene.radiusIn(site, frame.day, since)});
    }
    // Biggest first: a cluster is seeded by its biggest site and takes the smaller ones that overlap it.
    std::stable_sort(shown.begin(), shown.end(), [](const Shown& a, const Shown& b) { return a.radius > b.radius; });
    // A site joins a bigger one within kJoinPixels (or whose disc it overlaps): clusters then lie
    // about that far apart, so their own discs (at most 26 pixels in radius) barely touch.
    const double kJoinPixels = 56, cell = kJoinPixels;
    const auto key = [&](double x, double y) {
        return (static_cast<int64_t>(std::floor(x / cell)) << 32) ^ static_cast<int64_t>(static_cast<uint32_t>(std::floor(y / cell)));
    };
    thread_local std::unordered_map<int64_t, std::vector<uint32_t>> grid;  // cell → seeds (indices into `seeds`)
    grid.clear();
    thread_local std::vector<uint32_t> seedOf;  // per shown: the seed it joined (its own index when a seed)
    seedOf.assign(shown.size(), 0);
    for (uint32_t i = 0; i < shown.size(); ++i) {
        const Shown& s = shown[i];
        std::optional<uint32_t> joined;
        const int cx = static_cast<int>(std::floor(s.at.x / cell)), cy = static_cast<int>(std::floor(s.at.y / cell));
        for (int dx = -1; dx <= 1 && !joined; ++dx)
            for (int dy = -1; dy <= 1 && !joined; ++dy) {
                const auto it = grid.find(key((cx + dx) * cell, (cy + dy) * cell));
                if (it == grid.end()) continue;
                for (uint32_t seed : it->second) {
                    const Shown& t = shown[seed];
                    // Overlapping discs (a little overlap is allowed: neighbours touching stay apart).
                    if (std::hypot(s.at.x - t.at.x, s.at.y - t.at.y) < std::max(kJoinPixels, 0.8 * (s.radius + t.radius))) {
                        joined = seed;
                        break;
                    }
                }
            }
        if (joined) {
            seedOf[i] = *joined;
        } else {
            seedOf[i] = i;
            grid[key(s.at.x, s.at.y)].push_back(i);
        }
    }
    std::unordered_map<uint32_t, size_t> clusterOf;  // seed → cluster (only seeds with members)
    for (uint32_t i = 0; i < shown.size(); ++i) {
        if (seedOf[i] == i) continue;
        auto [it, inserted] = clusterOf.try_emplace(seedOf[i], clusters.size());
        if (inserted) {
            const Shown& seed = shown[seedOf[i]];
            MarkerCluster c;
            c.sites.push_back(seed.site);
            c.events = seed.count;
            c.quantity = seed.quantity;
            const SceneSite& site = scene.sites()[seed.site];
            c.kind = site.kinds[scene.countAt(site, frame.day) - 1];
            c.bounds = {site.position.lon, site.position.lat, site.position.lon, site.position.lat};
            c.center = {seed.at.x * static_cast<double>(seed.count), seed.at.y * static_cast<double>(seed.count)};
            hidden[seed.instance] = 1;
            hiddenSites[seed.site] = 1;
            clusters.push_back(std::move(c));
        }
        MarkerCluster& c = clusters[it->second];
        const Shown& s = shown[i];
        const SceneSite& site = scene.sites()[s.site];
        c.sites.push_back(s.site);
        c.events += s.count;
        c.quantity += s.quantity;
        const double lon = wrapNear(site.position.lon, c.bounds.west);
        c.bounds = {std::min(c.bounds.west, lon), std::min(c.bounds.south, site.position.lat), std::max(c.bounds.east, lon),
                    std::max(c.bounds.north, site.position.lat)};
        hidden[s.instance] = 1;
        hiddenSites[s.site] = 1;
        c.center.x += s.at.x * static_cast<double>(s.count);
        c.center.y += s.at.y * static_cast<double>(s.count);
    }
    // At the centre of its events (weighted by each place's count), sized by them.
    for (MarkerCluster& c : clusters) {
        c.center = {c.center.x / static_cast<double>(c.events), c.center.y / static_cast<double>(c.events)};
        c.radius = scene.sizeByQuantity() ? clusterQuantityRadius(c.quantity) : clusterRadius(c.events);
    }
}

void ClusterLayer::setAtlas(const GlyphAtlas* atlas, const Texture* texture) {
    m_atlas = atlas;
    m_texture = texture;
    m_valid = false;
}

void ClusterLayer::clear() {
    m_clusters.clear();
    m_boxes.clear();
    m_vertices.clear();
    m_hidden.clear();
    m_hiddenSites.clear();
    m_previousHidden.clear();
    m_valid = false;
}

bool ClusterLayer::update(const SceneGeometry& scene, const MapView& view, const SceneFrame& frame, ThemeName theme) {
    if (m_valid && view.sameFrame(m_for) && frame.day == m_day && frame.windowStart() == m_since && scene.version() == m_version &&
        theme == m_theme)
        return false;
    m_for = view;
    m_day = frame.day;
    m_since = frame.windowStart();
    m_version = scene.version();
    m_theme = theme;
    m_valid = true;
    clusterSites(scene, view, frame, m_clusters, m_hidden, m_hiddenSites);
    m_boxes.clear();
    m_vertices.clear();
    if (m_atlas) {
        OverlayWriter w{*m_atlas, m_vertices};
        const Theme& t = themeFor(theme);
        const Rgba halo = t.countryLabelHalo;
        for (const MarkerCluster& c : m_clusters) {
            const auto x = static_cast<float>(std::floor(c.center.x) + 0.5), y = static_cast<float>(std::floor(c.center.y) + 0.5);
            Rgba fill = kindColor(static_cast<model::EventKind>(c.kind), theme);
            fill.a = 0.92f;
            // A soft outer disc says "several here"; the halo keeps it apart from what lies under it.
            w.disc(x, y, c.radius + 6, Rgba{fill.r, fill.g, fill.b, 0.3f});
            w.disc(x, y, c.radius + 2, halo);
            w.disc(x, y, c.radius, fill);
            // The count in the label ink on a dark disc, or dark on a light one: readable on every kind colour.
            const float luma = 0.2126f * fill.r + 0.7152f * fill.g + 0.0722f * fill.b;
            const Rgba ink = luma > 0.5f ? Rgba{0.05f, 0.06f, 0.08f, 1} : Rgba{1, 1, 1, 1};
            const std::string text = std::to_string(c.events);
            const float size = std::clamp(c.radius * 0.8f, 11.0f, 17.0f);
            const float width = w.measure(text, size);
            w.text(text, x - width / 2, y + size * 0.36f, size, ink);
            const float r = c.radius + 6;
            m_boxes.push_back({x - r, y - r, x + r, y + r});
        }
    }
    m_batch.upload(m_vertices);
    const bool changed = m_hidden != m_previousHidden;
    m_previousHidden = m_hidden;
    return changed;
}

void ClusterLayer::draw(const ShaderProgram& program, int width, int height) const {
    if (!m_texture || m_vertices.empty()) return;
    m_batch.draw(program, *m_texture, width, height);
}

const MarkerCluster* ClusterLayer::at(double px, double py) const {
    for (const MarkerCluster& c : m_clusters)
        if (std::hypot(px - c.center.x, py - c.center.y) <= c.radius + 2) return &c;
    return nullptr;
}

}  // namespace briefmap::render
