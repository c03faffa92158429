// Markers that would overlap at the current zoom merge into one cluster marker: a disc sized by the
// events in it, coloured by its biggest member's newest kind, with the number of events written on
// it. Worked out on the CPU from the sites shown now (greedy, biggest first, over a grid), again only
// when the camera, the moment, the window or the data change; the members' own markers and labels
// are hidden (a flag per site the marker shader reads).
#pragma once
#include <optional>
#include <vector>

#include "core/map_view.hpp"
#include "render/overlay_layer.hpp"
#include "render/scene_frame.hpp"
#include "render/scene_geometry.hpp"
#include "render/screen_box.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

struct MarkerCluster {
    Vec2d center;                  // pixels, y down
    float radius = 0;
    size_t events = 0;             // shown now, over its members
    double quantity = 0;           // their reported quantity (sizes it when markers are sized so)
    std::vector<uint32_t> sites;   // members, biggest first
    int kind = 0;                  // its biggest member's newest kind
    GeoBounds bounds;              // of its members (a click zooms to them)
};

// Clusters of two or more sites whose markers overlap in `view` at this frame; `hidden` gets one flag
// per site instance (SceneGeometry::siteInstances order): 1 for a cluster's member.
// `hiddenSites` the same per site (SceneGeometry::sites order), for their labels.
void clusterSites(const SceneGeometry& scene, const MapView& view, const SceneFrame& frame,
                  std::vector<MarkerCluster>& clusters, std::vector<uint8_t>& hidden, std::vector<uint8_t>& hiddenSites);

// The cluster disc's radius for its events (bigger than any one marker: it stands for several).
inline float clusterRadius(size_t events) {
    return std::min(26.0f, 10.0f + 1.6f * std::sqrt(static_cast<float>(events)));
}
// With markers sized by quantity: the members' quantity on the markers' scale, a little larger.
inline float clusterQuantityRadius(double quantity) { return std::min(26.0f, 4.0f + quantityRadius(quantity)); }

class ClusterLayer {
public:
    void setAtlas(const GlyphAtlas* atlas, const Texture* texture);
    // Clusters again when something changed; true when the hidden flags changed (upload them).
    bool update(const SceneGeometry& scene, const MapView& view, const SceneFrame& frame, ThemeName theme);
    void clear();
    const std::vector<MarkerCluster>& clusters() const { return m_clusters; }
    const std::vector<uint8_t>& hidden() const { return m_hidden; }
    const std::vector<uint8_t>& hiddenSites() const { return m_hiddenSites; }
    const std::vector<ScreenBox>& boxes() const { return m_boxes; }
    void draw(const ShaderProgram& program, int width, int height) const;
    // The cluster under a pixel, if any.
    const MarkerCluster* at(double px, double py) const;

private:
    const GlyphAtlas* m_atlas = nullptr;
    const Texture* m_texture = nullptr;
    std::vector<MarkerCluster> m_clusters;
    std::vector<uint8_t> m_hidden, m_previousHidden, m_hiddenSites;
    std::vector<ScreenBox> m_boxes;
    std::vector<OverlayVertex> m_vertices;
    OverlayBatch m_batch;
    MapView m_for;
    double m_day = 0, m_since = 0;
    uint64_t m_version = 0;
    ThemeName m_theme = ThemeName::Dark;
    bool m_valid = false;
};

}  // namespace briefmap::render
