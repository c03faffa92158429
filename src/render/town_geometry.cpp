// Town selection from the gazetteer and label measurement.
#include "render/town_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/text_fold.hpp"
#include "geo/gazetteer.hpp"
#include "render/label_geometry.hpp"

namespace briefmap::render {

namespace {

bool isTown(const geo::PlaceRecord& p) {
    using geo::PlaceKind;
    return p.population > 0 && (p.kind == PlaceKind::City || p.kind == PlaceKind::Capital || p.kind == PlaceKind::AdminSeat);
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

float townTextSize(uint32_t population) { return population >= 1'000'000 ? 12.0f : population >= 100'000 ? 11.0f : 10.5f; }

}  // namespace

double townPopulationThreshold(double pixelsPerDegree) {
    if (pixelsPerDegree < kTownsFromPixelsPerDegree) return std::numeric_limits<double>::infinity();
    // Twice the zoom, a quarter of the population: the number of towns on screen stays about even,
    // from megacities at a continental view to villages of 1,000 at a view ~1.5° wide.
    const double r = kTownsFromPixelsPerDegree / pixelsPerDegree;
    return 2'000'000.0 * r * r;
}

float townOpacity(uint32_t population, double threshold) {
    if (!std::isfinite(threshold)) return 0.0f;
    return static_cast<float>(std::clamp(std::log2(population / threshold) + 1.0, 0.0, 1.0));
}

Result<TownSet> TownSet::build(const std::string& gazetteerPath, const std::string& fontPath) {
    Result<geo::Gazetteer> gazetteer = geo::Gazetteer::load(gazetteerPath);
    if (!gazetteer) return gazetteer.error();
    TownSet set;
    std::vector<std::string_view> texts;
    for (uint32_t i = 0; i < gazetteer->placeCount(); ++i) {
        const geo::PlaceRecord& p = gazetteer->place(i);
        const std::string_view name = gazetteer->placeName(i);
        if (!isTown(p) || name.empty() || !std::isfinite(p.lon) || !std::isfinite(p.lat)) continue;
        set.towns.push_back({p.lon, p.lat, p.population, static_cast<uint32_t>(set.names.size()),
                             static_cast<uint32_t>(name.size()), townTextSize(p.population), 0});
        // GeoNames romanizes soft signs as U+02B9, U+02BC or U+2019 (Kramatorsʹk); the label font sets
        // those full-width, leaving a gap mid-word: labels use the plain apostrophe.
        for (size_t at = 0; at < name.size();) {
            const std::string_view rest = name.substr(at);
            if (rest.starts_with("\u02B9") || rest.starts_with("\u02BC") || rest.starts_with("\u2019")) {
                set.names += '\'';
                at += rest.starts_with("\u2019") ? 3 : 2;
            } else {
                set.names += name[at++];
            }
        }
        set.towns.back().nameLength = static_cast<uint32_t>(set.names.size()) - set.towns.back().nameAt;
    }
    std::stable_sort(set.towns.begin(), set.towns.end(),
                     [](const Town& a, const Town& b) { return a.population > b.population; });
    for (const Town& t : set.towns) texts.push_back(set.name(t));
    const std::string dot = "\u25CF";
    texts.push_back(dot);
    Result<GlyphAtlas> atlas = GlyphAtlas::build(fontPath, texts);
    if (!atlas) return atlas.error();
    set.atlas = std::move(*atlas);
    // Letters the font lacks (Ḩ in Al Ḩudaydah) are written as their base letter, not left out.
    std::string names;
    names.reserve(set.names.size());
    for (Town& t : set.towns) {
        const std::string_view name = set.name(t);
        const auto at = static_cast<uint32_t>(names.size());
        for (size_t i = 0; i < name.size();) {
            const CodePoint c = decodeUtf8(name, i);
            char32_t cp = c.value;
            if (!set.atlas.find(cp)) cp = baseLetter(cp);
            if (cp == c.value) names.append(name.substr(i, c.length));
            else appendUtf8(names, cp);
            i += c.length;
        }
        t.nameAt = at;
        t.nameLength = static_cast<uint32_t>(names.size()) - at;
    }
    set.names = std::move(names);
    for (Town& t : set.towns) t.width = layoutLine(set.atlas, set.name(t), t.size, 0, 0, 0, {}, nullptr);
    return set;
}

}  // namespace briefmap::render
