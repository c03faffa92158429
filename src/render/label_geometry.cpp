// Label selection and layout (once per data set).
#include "render/label_geometry.hpp"

#include "core/text_fold.hpp"

#include <algorithm>

namespace briefmap::render {

namespace {

constexpr float kCountryTracking = 1.2f;

std::string upperAscii(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

}  // namespace

float layoutLine(const GlyphAtlas& atlas, std::string_view text, float size, float tracking, float baseline,
                 float labelIndex, LonLat anchor, std::vector<LabelVertex>* out) {
    // Decoded in place (no per-call string: the overlay lays its date out while time plays). Kerning
    // applies between a glyph and whatever code point follows it.
    const float scale = size / GlyphAtlas::kSdfPixelHeight;
    const auto forEachGlyph = [&](auto&& place) {
        float pen = 0;
        const Glyph* previous = nullptr;
        char32_t previousCp = 0;
        for (size_t i = 0; i < text.size();) {
            const CodePoint decoded = decodeUtf8(text, i);
            const char32_t cp = decoded.value;
            i += decoded.length;
            if (previous) pen += atlas.kerning(previousCp, cp) * scale;
            previous = atlas.find(cp);
            previousCp = cp;
            if (!previous) continue;
            place(*previous, pen);
            pen += previous->advance * scale + tracking;
        }
        return pen;
    };
    const float width = forEachGlyph([](const Glyph&, float) {}) - tracking;
    if (!out) return width;
    forEachGlyph([&](const Glyph& g, float pen) {
        const float x0 = pen - width / 2 + g.x0 * scale, x1 = pen - width / 2 + g.x1 * scale;
        const float y0 = -(baseline + g.y0 * scale), y1 = -(baseline + g.y1 * scale);  // y up
        const LabelVertex a{float(anchor.lon), float(anchor.lat), x0, y0, g.u0, g.v0, labelIndex};
        const LabelVertex b{float(anchor.lon), float(anchor.lat), x1, y0, g.u1, g.v0, labelIndex};
        const LabelVertex c{float(anchor.lon), float(anchor.lat), x0, y1, g.u0, g.v1, labelIndex};
        const LabelVertex d{float(anchor.lon), float(anchor.lat), x1, y1, g.u1, g.v1, labelIndex};
        out->insert(out->end(), {a, b, c, b, d, c});
    });
    return width;
}

std::vector<LabelSpec> makeLabelSpecs(const geo::Basemap& data) {
    std::vector<LabelSpec> specs;
    std::vector<const geo::Country*> countries;
    for (const geo::Country& c : data.countries) countries.push_back(&c);
    std::sort(countries.begin(), countries.end(),
              [](const geo::Country* a, const geo::Country* b) { return a->labelArea > b->labelArea; });
    for (const geo::Country* c : countries) {
        LabelSpec s{LabelKind::Country, c->labelAnchor, upperAscii(c->name), "", c->labelArea > 400 ? 15.0f : 12.5f,
                    0, c->labelArea};
        specs.push_back(std::move(s));
    }
    std::vector<const geo::RegionLabel*> regions;
    for (const geo::RegionLabel& r : data.admin1Labels) regions.push_back(&r);
    std::stable_sort(regions.begin(), regions.end(),
                     [](const geo::RegionLabel* a, const geo::RegionLabel* b) { return a->rank < b->rank; });
    for (const geo::RegionLabel* r : regions) {
        LabelSpec s{LabelKind::Region, r->anchor, r->name, r->nativeName == r->name ? "" : r->nativeName, 11.5f,
                    10.5f, 0};
        specs.push_back(std::move(s));
    }
    return specs;
}

Result<LabelGeometry> LabelGeometry::build(const geo::Basemap& data, const std::string& fontPath) {
    LabelGeometry g;
    g.specs = makeLabelSpecs(data);
    g.firstRegion = static_cast<size_t>(std::find_if(g.specs.begin(), g.specs.end(),
                                                     [](const LabelSpec& s) { return s.kind == LabelKind::Region; }) -
                                        g.specs.begin());
    std::vector<std::string_view> texts;
    for (const LabelSpec& s : g.specs) {
        texts.push_back(s.line1);
        texts.push_back(s.line2);
    }
    Result<GlyphAtlas> atlas = GlyphAtlas::build(fontPath, texts);
    if (!atlas) return atlas.error();
    g.atlas = std::move(atlas.value());
    for (size_t i = 0; i < g.specs.size(); ++i) {
        LabelSpec& s = g.specs[i];
        const float tracking = s.kind == LabelKind::Country ? kCountryTracking : 0.0f;
        const float lineHeight1 = s.size1 * 1.2f, lineHeight2 = s.line2.empty() ? 0.0f : s.size2 * 1.2f;
        s.height = lineHeight1 + lineHeight2;
        const float top = -s.height / 2;
        g.firstVertex.push_back(static_cast<int>(g.vertices.size()));
        const float w1 = layoutLine(g.atlas, s.line1, s.size1, tracking, top + 0.92f * s.size1, float(i), s.anchor, &g.vertices);
        float w2 = 0;
        if (!s.line2.empty())
            w2 = layoutLine(g.atlas, s.line2, s.size2, 0, top + lineHeight1 + 0.92f * s.size2, float(i), s.anchor,
                            &g.vertices);
        s.width = std::max(w1, w2);
        g.vertexCount.push_back(static_cast<int>(g.vertices.size()) - g.firstVertex.back());
    }
    return g;
}

}  // namespace briefmap::render
