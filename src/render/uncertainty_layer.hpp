// Places known only within a distance (an ACLED row placed at its province's capital, a place the
// briefing gives with "uncertainty_km") get a shaded circle of that radius around their marker, in the
// kind's colour with a dashed rim, so the map does not claim more precision than the sources.
// Laid out in screen space when the camera or the moment changes (they are few, and flat).
#pragma once
#include <vector>

#include "core/map_view.hpp"
#include "render/overlay_layer.hpp"
#include "render/scene_frame.hpp"
#include "render/scene_geometry.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

// The circle's radius in pixels for `km` around `at` in `view` (measured along the meridian, which
// both projections draw true to their scale there).
double uncertaintyPixels(const MapView& view, LonLat at, double km);

class UncertaintyLayer {
public:
    // Lays out again when something changed; `hiddenSites` (may be null): sites inside a cluster.
    void update(const SceneGeometry& scene, const MapView& view, const SceneFrame& frame, ThemeName theme,
                const std::vector<uint8_t>* hiddenSites);
    bool drawn() const { return !m_vertices.empty(); }
    void draw(const ShaderProgram& program, const Texture& atlas, int width, int height) const;

private:
    std::vector<OverlayVertex> m_vertices;
    OverlayBatch m_batch;
    MapView m_for;
    double m_day = 0, m_since = 0;
    uint64_t m_version = 0;
    size_t m_hiddenCount = SIZE_MAX;
    ThemeName m_theme = ThemeName::Dark;
    bool m_valid = false;
};

}  // namespace briefmap::render
