// The articles' places as the map draws them (CPU, no GL): one ring per place, its radius by how
// often the articles name it, shown from the day the first (dated) article naming it came out.
// Also answers "which place is under this pixel" for clicks and hovers.
#pragma once
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "core/map_view.hpp"
#include "model/article_mentions.hpp"
#include "render/scene_geometry.hpp"
#include "render/scene_text.hpp"

namespace briefmap::render {

// Ring radius in pixels for a place named `count` times (the mention shader draws what this says).
inline float mentionRadius(size_t count) {
    return std::min(20.0f, 5.0f + 2.2f * std::sqrt(static_cast<float>(count)));
}

struct MentionInstance {
    float lon, lat;   // projected on upload
    float radius;     // pixels
    float firstDay;   // hidden before this day (-1e9: always shown)
};

class MentionGeometry {
public:
    void build(const model::ArticleMentions& mentions);
    const std::vector<MentionInstance>& instances() const { return m_instances; }
    bool empty() const { return m_instances.empty(); }
    bool visibleAt(uint32_t place, double day) const { return m_instances[place].firstDay <= day; }
    // The ring's centre in pixels, in the world copy nearest `centerLon` (centerLon(view), computed once
    // per frame, not per ring).
    Vec2d onScreen(const MapView& view, uint32_t place, double centerLon) const;
    static double centerLon(const MapView& view);
    // The nearest ring within its radius (+4 px) that is shown at `day`.
    std::optional<uint32_t> pick(const MapView& view, double px, double py, double day) const;
    // Places within `km` of a point (a briefing marker's own and nearby names).
    std::vector<uint32_t> near(LonLat point, double km) const;
    uint64_t version() const { return m_version; }

private:
    std::vector<MentionInstance> m_instances;
    std::vector<LonLat> m_positions;
    uint64_t m_version = 0;
};

// Labels for the articles' places that have no briefing marker within 25 km (the marker's label
// already names the spot), in the articles' order (most named first).
std::vector<MentionLabel> mentionLabels(const model::ArticleMentions& mentions, const SceneGeometry& scene);

}  // namespace briefmap::render
