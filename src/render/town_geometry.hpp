// Towns and villages for close-ups (CPU, no GL): the gazetteer's populated places, largest first, with
// their names laid out once against an atlas of just the glyphs they use. Reference detail: which of
// them show depends on the zoom (townPopulationThreshold) and on room left by everything else.
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"
#include "render/glyph_atlas.hpp"

namespace briefmap::render {

struct Town {
    float lon, lat;
    uint32_t population;
    uint32_t nameAt, nameLength;  // in TownSet::names
    float size;                   // label text size, pixels
    float width;                  // label width at that size, pixels
};

struct TownSet {
    std::vector<Town> towns;  // by population, largest first
    std::string names;
    GlyphAtlas atlas;
    static constexpr char32_t kDot = U'\u25CF';  // the reference dot, drawn from the atlas like text

    std::string_view name(const Town& t) const { return std::string_view(names).substr(t.nameAt, t.nameLength); }
    // Reads cities, capitals and administrative seats with a population from the gazetteer.
    static Result<TownSet> build(const std::string& gazetteerPath, const std::string& fontPath);
};

// Towns fade in from the zoom where 1° of longitude spans this many pixels (megacities first).
inline constexpr double kTownsFromPixelsPerDegree = 20.0;
// The smallest population labelled at full opacity at a zoom (infinite before towns start); towns
// between half of it and it fade in, so zooming never makes a town pop up.
double townPopulationThreshold(double pixelsPerDegree);
float townOpacity(uint32_t population, double threshold);

}  // namespace briefmap::render
