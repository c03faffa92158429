// SDF glyph baking: FreeType rasterizes anti-aliased glyphs, a Euclidean distance transform
// (Felzenszwalb & Huttenlocher, as in mapbox's TinySDF) turns them into distance fields, and a shelf
// packer places them. Only the code points the labels use are baked (~10 ms for ~500 glyphs).
#include "render/glyph_atlas.hpp"

#include "core/text_fold.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

namespace briefmap::render {

namespace {

constexpr double kInf = 1e20;

// 1-D squared distance transform of f (length n) into d, with scratch v/z.
void edt1d(const double* f, double* d, int* v, double* z, int n) {
    int k = 0;
    v[0] = 0;
    z[0] = -kInf;
    z[1] = kInf;
    for (int q = 1; q < n; ++q) {
        double s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
        while (s <= z[k]) {
            --k;
            s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
        }
        ++k;
        v[k] = q;
        z[k] = s;
        z[k + 1] = kInf;
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[k + 1] < q) ++k;
        d[q] = (q - v[k]) * (q - v[k]) + f[v[k]];
    }
}

void edt2d(std::vector<double>& grid, int w, int h) {
    const int n = std::max(w, h);
    std::vector<double> f(static_cast<size_t>(n)), d(static_cast<size_t>(n)), z(static_cast<size_t>(n) + 1);
    std::vector<int> v(static_cast<size_t>(n));
    for (int x = 0; x < w; ++x) {
        for (int y = 0; y < h; ++y) f[static_cast<size_t>(y)] = grid[static_cast<size_t>(y * w + x)];
        edt1d(f.data(), d.data(), v.data(), z.data(), h);
        for (int y = 0; y < h; ++y) grid[static_cast<size_t>(y * w + x)] = d[static_cast<size_t>(y)];
    }
    for (int y = 0; y < h; ++y) {
        double* row = grid.data() + static_cast<size_t>(y * w);
        std::copy(row, row + w, f.begin());
        edt1d(f.data(), d.data(), v.data(), z.data(), w);
        std::copy(d.begin(), d.begin() + w, row);
    }
}

struct Baked {
    char32_t cp;
    int w, h;
    float left, top, advance;
    std::vector<uint8_t> sdf;
};

// Distance field of one coverage bitmap, padded by kPadding on every side.
void bakeSdf(const FT_Bitmap& bm, Baked& out) {
    const int pad = GlyphAtlas::kPadding;
    const int w = static_cast<int>(bm.width) + 2 * pad, h = static_cast<int>(bm.rows) + 2 * pad;
    out.w = w;
    out.h = h;
    std::vector<double> outer(static_cast<size_t>(w * h), kInf), inner(static_cast<size_t>(w * h), 0.0);
    for (int y = 0; y < static_cast<int>(bm.rows); ++y) {
        for (int x = 0; x < static_cast<int>(bm.width); ++x) {
            const double a = bm.buffer[y * bm.pitch + x] / 255.0;
            const size_t i = static_cast<size_t>((y + pad) * w + x + pad);
            if (a >= 1.0) {
                outer[i] = 0;
                inner[i] = kInf;
            } else if (a > 0.0) {
                outer[i] = std::pow(std::max(0.0, 0.5 - a), 2);
                inner[i] = std::pow(std::max(0.0, a - 0.5), 2);
            }
        }
    }
    edt2d(outer, w, h);
    edt2d(inner, w, h);
    out.sdf.resize(static_cast<size_t>(w * h));
    const double cutoff = 1.0 - GlyphAtlas::kOnEdge / 255.0;
    for (size_t i = 0; i < out.sdf.size(); ++i) {
        const double dist = std::sqrt(outer[i]) - std::sqrt(inner[i]);
        out.sdf[i] = static_cast<uint8_t>(std::clamp(std::round(255.0 - 255.0 * (dist / pad + cutoff)), 0.0, 255.0));
    }
}

}  // namespace

std::string GlyphAtlas::defaultFontPath() {
    if (const char* env = std::getenv("BRIEFMAP_FONT"); env && *env) return env;
    return "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
}

Result<GlyphAtlas> GlyphAtlas::build(const std::string& fontPath, const std::vector<std::string_view>& texts) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library)) return Error{"FreeType: cannot initialise"};
    FT_Face face = nullptr;
    if (FT_New_Face(library, fontPath.c_str(), 0, &face)) {
        FT_Done_FreeType(library);
        return Error{fontPath + ": cannot open font (install fonts-wqy-microhei)"};
    }
    FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(kSdfPixelHeight));

    std::set<char32_t> codepoints;
    for (std::string_view t : texts)
        for (size_t i = 0; i < t.size(); i += decodeUtf8(t, i).length) codepoints.insert(decodeUtf8(t, i).value);

    GlyphAtlas atlas;
    std::vector<Baked> baked;
    baked.reserve(codepoints.size());
    for (char32_t cp : codepoints) {
        const FT_UInt index = FT_Get_Char_Index(face, cp);
        // Not in the font: left out (find() says so) rather than drawn as the font's empty box.
        if (index == 0 && cp != 0) continue;
        if (FT_Load_Glyph(face, index, FT_LOAD_RENDER | FT_LOAD_TARGET_NORMAL)) continue;
        const FT_GlyphSlot g = face->glyph;
        Baked b{cp, 0, 0, static_cast<float>(g->bitmap_left), static_cast<float>(g->bitmap_top),
                static_cast<float>(g->advance.x) / 64.0f, {}};
        bakeSdf(g->bitmap, b);
        atlas.m_glyphIndex[cp] = static_cast<int>(index);
        baked.push_back(std::move(b));
    }
    if (FT_HAS_KERNING(face)) {
        for (auto [l, li] : atlas.m_glyphIndex)
            for (auto [r, ri] : atlas.m_glyphIndex) {
                FT_Vector k{};
                if (!FT_Get_Kerning(face, static_cast<FT_UInt>(li), static_cast<FT_UInt>(ri), FT_KERNING_DEFAULT, &k) && k.x)
                    atlas.m_kerning[(static_cast<uint64_t>(l) << 32) | r] = static_cast<float>(k.x) / 64.0f;
            }
    }
    FT_Done_Face(face);
    FT_Done_FreeType(library);

    // Shelf packing, tallest first, into a 1024-wide atlas.
    std::sort(baked.begin(), baked.end(), [](const Baked& a, const Baked& b) { return a.h > b.h; });
    atlas.m_width = 1024;
    int x = 1, y = 1, shelf = 0;
    std::vector<std::pair<int, int>> positions(baked.size());
    for (size_t i = 0; i < baked.size(); ++i) {
        if (x + baked[i].w + 1 > atlas.m_width) {
            x = 1;
            y += shelf + 1;
            shelf = 0;
        }
        positions[i] = {x, y};
        x += baked[i].w + 1;
        shelf = std::max(shelf, baked[i].h);
    }
    atlas.m_height = std::max(16, y + shelf + 1);
    atlas.m_pixels.assign(static_cast<size_t>(atlas.m_width * atlas.m_height), 0);
    const float iw = 1.0f / static_cast<float>(atlas.m_width), ih = 1.0f / static_cast<float>(atlas.m_height);
    const auto pad = static_cast<float>(kPadding);
    for (size_t i = 0; i < baked.size(); ++i) {
        const Baked& b = baked[i];
        const auto [px, py] = positions[i];
        for (int row = 0; row < b.h; ++row)
            std::copy_n(b.sdf.data() + row * b.w, b.w, atlas.m_pixels.begin() + (py + row) * atlas.m_width + px);
        const float x0 = b.left - pad, y0 = -b.top - pad;
        atlas.m_glyphs[b.cp] = Glyph{static_cast<float>(px) * iw,       static_cast<float>(py) * ih,
                                     static_cast<float>(px + b.w) * iw, static_cast<float>(py + b.h) * ih,
                                     x0, y0, x0 + static_cast<float>(b.w), y0 + static_cast<float>(b.h), b.advance};
    }
    return atlas;
}

const Glyph* GlyphAtlas::find(char32_t cp) const {
    auto it = m_glyphs.find(cp);
    return it == m_glyphs.end() ? nullptr : &it->second;
}

float GlyphAtlas::kerning(char32_t left, char32_t right) const {
    auto it = m_kerning.find((static_cast<uint64_t>(left) << 32) | right);
    return it == m_kerning.end() ? 0.0f : it->second;
}

float GlyphAtlas::pixelDistanceScale() const { return 1.0f / kPadding; }

}  // namespace briefmap::render
