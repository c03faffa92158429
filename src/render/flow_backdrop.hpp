// The flows that are over, drawn once onto a copy of the base-map cache (its margin included). While
// time plays forward a frame starts with one blit of it, as it would from the base map alone, and so
// does a pan within the margin; a zoom animation scales it. Drawing thousands of finished flows costs
// a quarter of a second on software GL (their pixels, mostly), so they are drawn again only when the
// copy starts over: the cache was rebuilt, the data or filter changed, or time went back. When a pan
// re-centres the cache, the copy moves with it and only the exposed strips are drawn.
#pragma once
#include <optional>

#include "render/basemap_cache.hpp"
#include "render/flow_layer.hpp"
#include "render/render_target.hpp"

namespace briefmap::render {

class FlowBackdrop {
public:
    // Brings the copy up to date with flows [0, settled) (see settledFlows) and blits `view` from it
    // into the bound framebuffer. False when there is no memory for it: nothing drawn.
    bool draw(const BasemapCache& cache, FlowLayer& flows, const MapView& view, const SceneFrame& frame,
              const SceneGeometry& scene, size_t settled);
    // The copy, if it holds the cache's current pixels and this scene (a zoom animation scales it),
    // and how many flows are on it.
    const RenderTarget* current(const BasemapCache& cache, const SceneGeometry& scene) const;
    size_t flowsDrawn() const { return m_drawn; }

private:
    void shiftWithCache(const BasemapCache& cache, FlowLayer& flows, const SceneFrame& frame, const SceneGeometry& scene,
                        int dx, int dy);

    std::optional<RenderTarget> m_target, m_spare;
    bool m_valid = false;
    uint64_t m_cacheVersion = 0, m_sceneVersion = 0;
    size_t m_drawn = 0;
};

}  // namespace briefmap::render
