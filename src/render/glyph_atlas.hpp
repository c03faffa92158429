// Signed-distance-field glyphs for the labels, rasterized with FreeType (no GL here).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"

namespace briefmap::render {

struct Glyph {
    float u0, v0, u1, v1;     // atlas texture coordinates
    float x0, y0, x1, y1;     // quad relative to the pen position at kSdfPixelHeight, pixels, y down
    float advance;            // pixels at kSdfPixelHeight
};

class GlyphAtlas {
public:
    static constexpr float kSdfPixelHeight = 32.0f;  // glyphs are rasterized at this size
    static constexpr int kPadding = 6;                // SDF spread around each glyph, pixels
    static constexpr unsigned char kOnEdge = 180;     // SDF value on the outline

    // The wqy-microhei font (Latin, Cyrillic, Hangul): $BRIEFMAP_FONT or the Debian path.
    static std::string defaultFontPath();

    // Builds SDFs for exactly the code points that occur in `texts`.
    static Result<GlyphAtlas> build(const std::string& fontPath, const std::vector<std::string_view>& texts);

    const Glyph* find(char32_t codepoint) const;
    float kerning(char32_t left, char32_t right) const;  // pixels at kSdfPixelHeight
    int width() const { return m_width; }
    int height() const { return m_height; }
    const std::vector<uint8_t>& pixels() const { return m_pixels; }
    float pixelDistanceScale() const;  // SDF units (0..1) per pixel at kSdfPixelHeight

private:
    std::unordered_map<char32_t, Glyph> m_glyphs;
    std::unordered_map<uint64_t, float> m_kerning;  // (left << 32 | right) → pixels
    std::unordered_map<char32_t, int> m_glyphIndex;
    int m_width = 0, m_height = 0;
    std::vector<uint8_t> m_pixels;
};

}  // namespace briefmap::render
