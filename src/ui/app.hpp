// The interactive window: GLFW + ImGui over the shared MapRenderer.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/table_import.hpp"
#include "render/theme.hpp"

namespace briefmap::ui {

struct AppOptions {
    std::string geodataDir;
    std::string dataPath;        // a briefing, or data any GDAL format holds (CSV, GeoJSON, GeoPackage…)
    model::ImportOptions importOptions;  // --columns, --strict
    std::string importPath;      // --import: open the import dialog on this data file
    std::string tourPath;        // --tour: the tour to step through; default BRIEFING.tour.json beside it
    std::vector<std::string> articlePaths;  // .txt files or folders; empty: the briefing's own articles
    std::optional<model::DayNumber> day;  // the moment shown at start; default: the briefing's end
    int frames = 0;              // > 0: render this many frames, then exit (tests, benchmarks)
    std::string screenshotPath;  // with frames: the window's content after the last frame
    bool timing = false;         // print first-frame and frame timings as JSON
    bool trace = false;          // print one JSON line per presenter action
    int width = 1600, height = 900;
    // --scale: the map's text, markers and lines at this many times their size; 0: the screen's own
    // scale (a HiDPI framebuffer, or the desktop's content scale).
    double mapScale = 0;
    render::ThemeName theme = render::ThemeName::Dark;
    bool clusterMarkers = false;  // --cluster: overlapping markers merge (the Map panel changes it)
    bool sizeByQuantity = false;  // --size-by quantity: markers sized by reported quantity (Map panel too)
    double windowDays = 0;  // --window: only the last DAYS days (the Time panel changes it)  // --theme: the map's and the panels'; the Map panel changes it
};

int runApp(const AppOptions& options);

}  // namespace briefmap::ui
