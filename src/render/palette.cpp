#include "render/palette.hpp"

#include <array>

namespace briefmap::render {

namespace {

constexpr Rgba hex(unsigned rgb) {
    return {static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
            static_cast<float>(rgb & 0xFF) / 255.0f, 1.0f};
}

constexpr size_t kCargoCount = static_cast<size_t>(model::Cargo::Count);
constexpr size_t kKindCount = static_cast<size_t>(model::EventKind::Count);

// Flows. Chosen by searching hues near each cargo's meaning (troops red, munitions orange or brown,
// missiles magenta, technology teal, food green, people blue) for the set whose smallest CIELAB
// distance between any two colours, seen normally and through the Machado (2009) simulations of
// the three dichromacies, is largest, within the contrast bound (and, on dark, apart from the
// meetings' gold): 31 on dark, 19 on light (the previous dark palette: 8).
constexpr std::array<Rgba, kCargoCount> kCargoDark = {
    hex(0xE22C2C),  // troops: red
    hex(0xFF9503),  // munitions: orange
    hex(0xDC219E),  // missiles: magenta
    hex(0x57F5DF),  // technology: aqua
    hex(0xB8EC92),  // food / energy: pale green
    hex(0x627EFF),  // people: blue
};
constexpr std::array<Rgba, kCargoCount> kCargoLight = {
    hex(0xE61000),  // troops: red
    hex(0x653715),  // munitions: brown
    hex(0xD00386),  // missiles: magenta
    hex(0x155865),  // technology: dark teal
    hex(0x1D891D),  // food / energy: green
    hex(0x0D1D6E),  // people: navy
};

// Markers: the kinds that move a cargo take its colour (filled in below); the others are chosen to
// read on the theme.
constexpr std::array<Rgba, kKindCount> kKindsDark = {
    hex(0xF2C14E),  // meeting: gold
    hex(0),         // visit: people
    hex(0xB892FF),  // agreement: violet
    hex(0),         // troop deployment: troops
    hex(0),         // munitions transfer: munitions
    hex(0),         // missile strike: missiles
    hex(0),         // technology transfer: technology
    hex(0),         // aid / trade: food / energy
    hex(0xD0D6DE),  // sanctions / UN: silver
    hex(0x8C9BB0),  // statement: slate
    hex(0xD9573F),  // battle: brick red
    hex(0xC25BB0),  // violence against civilians: plum
    hex(0x3DDC97),  // protest: mint
    hex(0xF15BB5),  // riot: magenta
    hex(0xA3A380),  // other: olive grey
};
constexpr std::array<Rgba, kKindCount> kKindsLight = {
    hex(0x8A6400),  // meeting: dark gold
    hex(0),         // visit: people
    hex(0x6A3FC8),  // agreement: violet
    hex(0),         // troop deployment: troops
    hex(0),         // munitions transfer: munitions
    hex(0),         // missile strike: missiles
    hex(0),         // technology transfer: technology
    hex(0),         // aid / trade: food / energy
    hex(0x4A5568),  // sanctions / UN: slate
    hex(0x5F6B7A),  // statement: grey
    hex(0x8E1F14),  // battle: brick red
    hex(0x7A1F6E),  // violence against civilians: plum
    hex(0x0B6E4F),  // protest: dark mint
    hex(0xA8137A),  // riot: magenta
    hex(0x5E5E33),  // other: olive
};

std::optional<model::Cargo> cargoOfKind(model::EventKind kind) {
    switch (kind) {
    case model::EventKind::Visit: return model::Cargo::People;
    case model::EventKind::TroopDeployment: return model::Cargo::Troops;
    case model::EventKind::MunitionsTransfer: return model::Cargo::Munitions;
    case model::EventKind::MissileStrike: return model::Cargo::Missiles;
    case model::EventKind::TechnologyTransfer: return model::Cargo::Technology;
    case model::EventKind::AidTrade: return model::Cargo::AidEnergy;
    default: return std::nullopt;
    }
}

}  // namespace

Rgba kindColor(model::EventKind kind, ThemeName theme) {
    if (const std::optional<model::Cargo> cargo = cargoOfKind(kind)) return cargoColor(*cargo, theme);
    return (theme == ThemeName::Light ? kKindsLight : kKindsDark)[static_cast<size_t>(kind)];
}

Rgba cargoColor(model::Cargo cargo, ThemeName theme) {
    return (theme == ThemeName::Light ? kCargoLight : kCargoDark)[static_cast<size_t>(cargo)];
}

}  // namespace briefmap::render
