#include "render/palette.hpp"

#include <array>

namespace briefmap::render {

namespace {

constexpr Rgba hex(unsigned rgb) {
    return {static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
            static_cast<float>(rgb & 0xFF) / 255.0f, 1.0f};
}

constexpr std::array<Rgba, static_cast<size_t>(model::EventKind::Count)> kKinds = {
    hex(0xF2C14E),  // meeting: gold
    hex(0x6FA8F5),  // visit: sky blue
    hex(0xB892FF),  // agreement: violet
    hex(0xE4572E),  // troop deployment: red-orange
    hex(0xFF9F1C),  // munitions transfer: orange
    hex(0xFF3B6B),  // missile strike: crimson
    hex(0x2EC4B6),  // technology transfer: teal
    hex(0x7BC950),  // aid / trade: green
    hex(0xD0D6DE),  // sanctions / UN: silver
    hex(0x8C9BB0),  // statement: slate
    hex(0xC0392B),  // battle: brick red
    hex(0x9B2D86),  // violence against civilians: plum
    hex(0x3DDC97),  // protest: mint
    hex(0xF15BB5),  // riot: magenta
    hex(0xA3A380),  // other: olive grey
};

constexpr std::array<Rgba, static_cast<size_t>(model::Cargo::Count)> kCargo = {
    hex(0xE4572E),  // troops
    hex(0xFF9F1C),  // munitions
    hex(0xFF3B6B),  // missiles
    hex(0x2EC4B6),  // technology
    hex(0x7BC950),  // food / energy
    hex(0x6FA8F5),  // people
};

}  // namespace

Rgba kindColor(model::EventKind kind) { return kKinds[static_cast<size_t>(kind)]; }
Rgba cargoColor(model::Cargo cargo) { return kCargo[static_cast<size_t>(cargo)]; }

}  // namespace briefmap::render
