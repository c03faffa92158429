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
    bool screenshotRequested = false;
    bool screenshotWorldFile = false;
    std::string screenshotDir = ".";
    std::string lastMessage;  // shown in the controls panel (e.g. where a screenshot went)
    float frameMs = 0;
    std::vector<render::ScreenBox> panelRects;  // this frame's panels, window pixels; labels avoid them
};

}  // namespace briefmap::ui
