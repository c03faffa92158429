// Everything the panels change and the frame loop reads: a plain struct, no behaviour.
#pragma once
#include <string>
#include <vector>

#include "core/map_view.hpp"
#include "render/map_renderer.hpp"

namespace briefmap::ui {

struct UiState {
    MapView view;
    render::MapStyle style;
    bool showPanels = true;
    // Wheel zoom still to apply (a factor, 1 = none) and the pixel it zooms around; applied smoothly
    // over the next frames so zooming animates instead of jumping.
    double pendingZoom = 1.0;
    double zoomAnchorX = 0, zoomAnchorY = 0;
    bool screenshotRequested = false;
    bool quitRequested = false;
    bool screenshotWorldFile = false;
    std::string screenshotDir = ".";
    std::string lastMessage;  // shown in the controls panel (e.g. where a screenshot went)
    float frameMs = 0;
    std::vector<render::ScreenBox> panelRects;  // this frame's panels, window pixels; labels avoid them
};

}  // namespace briefmap::ui
