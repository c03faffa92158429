// Composes the map's layers into the bound framebuffer: one renderer for the window and headless.
#pragma once
#include <string>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
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

class MapRenderer {
public:
    // Uploads everything once; needs a current GL 3.3 core context with glad loaded.
    Status init(const geo::Basemap& data, const std::string& fontPath);
    // Draws a full frame of `view` into the bound framebuffer (which needs a stencil buffer). Labels
    // keep clear of `obstacles` (UI panels over the map, pixels, y down).
    void render(const MapView& view, const MapStyle& style, const std::vector<ScreenBox>& obstacles = {});
    const LabelLayer& labels() const { return m_labels; }

private:
    BasemapLayer m_basemap;
    LabelLayer m_labels;
};

// Loads the GL entry points for the current context (glad); false when GL 3.3 is unavailable.
bool loadGlFunctions(void* (*getProcAddress)(const char*));

}  // namespace briefmap::render
