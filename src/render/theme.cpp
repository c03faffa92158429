// Theme tables. Dark: low-glare navy for a briefing-room projector; light: paper tones for print.
#include "render/theme.hpp"

namespace briefmap::render {

namespace {
constexpr Rgba hex(unsigned rgb, float a = 1.0f) {
    return {static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
            static_cast<float>(rgb & 0xFF) / 255.0f, a};
}

const Theme kDark{
    .name = ThemeName::Dark,
    .ocean = hex(0x0E1824), .land = hex(0x1F2A37), .coastline = hex(0x5B7A99),
    .countryBorder = hex(0x9AA6B4), .admin1Border = hex(0x4A5868), .graticule = hex(0x2A3D52, 0.8f),
    .countryLabel = hex(0xE3E8EE), .countryLabelHalo = hex(0x0E1824, 0.85f),
    .regionLabel = hex(0x9FB0C2), .regionLabelHalo = hex(0x0E1824, 0.75f),
    .coastlineWidth = 1.1f, .countryBorderWidth = 1.0f, .admin1BorderWidth = 0.8f, .graticuleWidth = 1.0f,
    .lake = hex(0x0E1824), .river = hex(0x34526F), .town = hex(0xAEB9C6), .townLabel = hex(0xAEB9C6),
    .townLabelHalo = hex(0x0E1824, 0.8f), .riverWidth = 0.9f};

const Theme kLight{
    .name = ThemeName::Light,
    .ocean = hex(0xC9DCEB), .land = hex(0xF5F2EC), .coastline = hex(0x6F8FAD),
    .countryBorder = hex(0x7D7F86), .admin1Border = hex(0xC3BFB6), .graticule = hex(0xA9C2D8, 0.8f),
    .countryLabel = hex(0x2A2E35), .countryLabelHalo = hex(0xF5F2EC, 0.9f),
    .regionLabel = hex(0x6A6F78), .regionLabelHalo = hex(0xF5F2EC, 0.8f),
    .coastlineWidth = 1.1f, .countryBorderWidth = 1.0f, .admin1BorderWidth = 0.8f, .graticuleWidth = 1.0f,
    .lake = hex(0xC9DCEB), .river = hex(0x8FB1CF), .town = hex(0x5E636B), .townLabel = hex(0x4D525A),
    .townLabelHalo = hex(0xF5F2EC, 0.85f), .riverWidth = 0.9f};
}  // namespace

const Theme& themeFor(ThemeName name) { return name == ThemeName::Light ? kLight : kDark; }

std::optional<ThemeName> parseThemeName(std::string_view name) {
    if (name == "dark") return ThemeName::Dark;
    if (name == "light") return ThemeName::Light;
    return std::nullopt;
}

std::string_view themeNameString(ThemeName name) { return name == ThemeName::Light ? "light" : "dark"; }

}  // namespace briefmap::render
