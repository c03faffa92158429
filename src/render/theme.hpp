// Colours and line widths of the two base-map themes (dark for projectors, light for print).
#pragma once
#include <optional>
#include <string_view>

namespace briefmap::render {

struct Rgba {
    float r, g, b, a;
    bool operator==(const Rgba&) const = default;
};

enum class ThemeName { Dark, Light };

struct Theme {
    ThemeName name;
    Rgba ocean, land, coastline, countryBorder, admin1Border, graticule;
    Rgba countryLabel, countryLabelHalo, regionLabel, regionLabelHalo;
    float coastlineWidth, countryBorderWidth, admin1BorderWidth, graticuleWidth;
    // Close-up reference detail: lakes, rivers, towns (dot and label).
    Rgba lake, river, town, townLabel, townLabelHalo;
    float riverWidth;
};

const Theme& themeFor(ThemeName name);
std::optional<ThemeName> parseThemeName(std::string_view name);
std::string_view themeNameString(ThemeName name);

}  // namespace briefmap::render
