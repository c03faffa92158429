// Renders one view offscreen in the current context and writes it as PNG (plus optional world file).
// Shared by the headless `export` command and the window's screenshot action.
#pragma once
#include <string>

#include "core/map_view.hpp"
#include "render/map_renderer.hpp"

namespace briefmap::render {

struct ExportTimings {
    double renderMs = 0, readbackMs = 0, encodeMs = 0;
};

Status exportMapPng(MapRenderer& renderer, const MapView& view, const MapStyle& style, const std::string& path,
                    bool worldFile, ExportTimings* timings = nullptr);

}  // namespace briefmap::render
