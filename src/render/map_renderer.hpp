// Composes the map's layers into the bound framebuffer: one renderer for the window and headless.
#pragma once
#include <optional>
#include <string>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
#include "render/basemap_cache.hpp"
#include "render/basemap_layer.hpp"
#include "render/label_layer.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

struct MapStyle {
    ThemeName theme = ThemeName::Dark;
    bool graticule = false;
    bool coastlines = true;
    bool countryBorders = true;
    bool admin1 = true;
    bool countryLabels = true;
    bool regionLabels = true;
};

// Everything the renderer needs from the data, computed on the CPU (any thread, no GL): the base
// map's geometry sources and the laid-out labels with their glyph atlas.
struct PreparedMap {
    BasemapGeometry basemap;
    LabelGeometry labels;
};

class MapRenderer {
public:
    // CPU half of init: runs on the geodata worker so it overlaps window/context creation.
    static Result<PreparedMap> prepareData(const geo::Basemap& data, const std::string& fontPath);

    // Compiles the shaders and draws a tiny map once, so the GL driver compiles its pipeline variants
    // (on llvmpipe ~90 ms of LLVM work) while geodata is still loading on another thread. Optional.
    Status prepare(const std::string& fontPath);
    // GL half: compiles shaders (once) and uploads; needs a current GL 3.3 context with glad loaded.
    Status init(PreparedMap prepared);
    // Both halves on this thread.
    Status init(const geo::Basemap& data, const std::string& fontPath);
    // Draws a full frame of `view` into the bound framebuffer (which needs a stencil buffer). Labels
    // keep clear of `obstacles` (UI panels over the map, pixels, y down). `useCache` false renders the
    // base map directly even when the cache is on (exports: the same pixels as `briefmap export`).
    void render(const MapView& view, const MapStyle& style, const std::vector<ScreenBox>& obstacles = {},
                bool useCache = true);
    const LabelLayer& labels() const { return m_labels; }

    // The window turns this on: pans become framebuffer blits (see BasemapCache). Exports leave it off.
    void setBasemapCache(bool enabled);
    // Builds the cache for `view` if it does not match yet; the window calls this when idle, so the
    // next pan is a blit. Returns true when it did work.
    bool warmCache(const MapView& view, const MapStyle& style);
    // What the last render did with the cache (Full when the cache is off), for the benchmark.
    BasemapCache::Work lastBasemapWork() const { return m_lastWork; }

private:
    void drawBasemapDirect(const MapView& view, const Theme& theme, const BasemapStyle& style);

    BasemapLayer m_basemap;
    std::optional<BasemapCache> m_cache;
    BasemapCache::Work m_lastWork = BasemapCache::Work::Full;
    LabelLayer m_labels;
};

// Reads the geodata and prepares it: the CPU part of start-up, for a worker thread.
Result<PreparedMap> loadPreparedMap(const std::string& geodataDir, const std::string& fontPath);

// Loads the GL entry points for the current context (glad); false when GL 3.3 is unavailable.
bool loadGlFunctions(void* (*getProcAddress)(const char*));

}  // namespace briefmap::render
