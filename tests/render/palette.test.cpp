// The map's colours read on their theme and survive colour-vision deficiencies: every marker and
// flow colour has a WCAG contrast of at least 3:1 against its theme's land and sea, and the six flow
// colours stay apart (CIELAB distance) seen normally and through the Machado, Oliveira & Fernandes
// (2009) simulations of protanopia, deuteranopia and tritanopia.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "render/palette.hpp"
#include "render/theme.hpp"

using namespace briefmap;
using render::Rgba;
using render::ThemeName;

namespace {

using Linear = std::array<double, 3>;

Linear linear(const Rgba& c) {
    const auto f = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return {f(c.r), f(c.g), f(c.b)};
}

double luminance(const Rgba& c) {
    const Linear l = linear(c);
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

double contrast(const Rgba& a, const Rgba& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Machado et al. 2009, severity 1, on linear RGB.
constexpr double kSimulations[3][3][3] = {
    {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},  // protanopia
    {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},   // deuteranopia
    {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},  // tritanopia
};
const char* const kSimulationNames[] = {"normal vision", "protanopia", "deuteranopia", "tritanopia"};

Linear seen(const Rgba& c, int simulation) {
    const Linear l = linear(c);
    if (simulation == 0) return l;
    const auto& m = kSimulations[simulation - 1];
    Linear out{};
    for (int i = 0; i < 3; ++i) out[i] = std::clamp(m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2], 0.0, 1.0);
    return out;
}

Linear lab(const Linear& l) {
    const double x = (0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]) / 0.9505;
    const double y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    const double z = (0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2]) / 1.089;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double distance(const Linear& a, const Linear& b) {
    return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

constexpr size_t kCargos = static_cast<size_t>(model::Cargo::Count);
constexpr size_t kKinds = static_cast<size_t>(model::EventKind::Count);

}  // namespace

TEST_CASE("every marker and flow colour has at least 3:1 contrast on its theme's land and sea") {
    for (ThemeName theme : {ThemeName::Dark, ThemeName::Light}) {
        const render::Theme& t = render::themeFor(theme);
        for (const Rgba& ground : {t.land, t.ocean}) {
            for (size_t k = 0; k < kCargos; ++k) {
                const double c = contrast(render::cargoColor(static_cast<model::Cargo>(k), theme), ground);
                CHECK_MESSAGE(c >= 3.0, render::themeNameString(theme) << " theme: " << model::cargoName(static_cast<model::Cargo>(k))
                                                                    << " flows " << c << ":1");
            }
            for (size_t k = 0; k < kKinds; ++k) {
                const double c = contrast(render::kindColor(static_cast<model::EventKind>(k), theme), ground);
                CHECK_MESSAGE(c >= 3.0, render::themeNameString(theme) << " theme: " << model::eventKindName(static_cast<model::EventKind>(k))
                                                                    << " markers " << c << ":1");
            }
        }
    }
}

TEST_CASE("the six flow colours stay apart for protanopes deuteranopes and tritanopes on both themes") {
    for (ThemeName theme : {ThemeName::Dark, ThemeName::Light}) {
        for (int simulation = 0; simulation < 4; ++simulation) {
            double smallest = 1e9;
            std::string pair;
            for (size_t a = 0; a < kCargos; ++a)
                for (size_t b = a + 1; b < kCargos; ++b) {
                    const double d = distance(lab(seen(render::cargoColor(static_cast<model::Cargo>(a), theme), simulation)),
                                              lab(seen(render::cargoColor(static_cast<model::Cargo>(b), theme), simulation)));
                    if (d < smallest) {
                        smallest = d;
                        pair = std::string(model::cargoName(static_cast<model::Cargo>(a))) + "/" +
                               std::string(model::cargoName(static_cast<model::Cargo>(b)));
                    }
                }
            // 15 CIELAB units: clearly different hues or lightness even as thin lines.
            CHECK_MESSAGE(smallest >= 15.0, render::themeNameString(theme) << " theme, " << kSimulationNames[simulation] << ": "
                                                                       << pair << " only " << smallest << " apart");
        }
    }
}

TEST_CASE("markers of the kinds that move a cargo share that cargo's colour") {
    for (ThemeName theme : {ThemeName::Dark, ThemeName::Light}) {
        CHECK(render::kindColor(model::EventKind::TroopDeployment, theme) == render::cargoColor(model::Cargo::Troops, theme));
        CHECK(render::kindColor(model::EventKind::MunitionsTransfer, theme) == render::cargoColor(model::Cargo::Munitions, theme));
        CHECK(render::kindColor(model::EventKind::Visit, theme) == render::cargoColor(model::Cargo::People, theme));
    }
    CHECK_FALSE(render::cargoColor(model::Cargo::Munitions, ThemeName::Dark) == render::cargoColor(model::Cargo::Munitions, ThemeName::Light));
}
