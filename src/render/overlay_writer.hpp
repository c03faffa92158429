// Screen-space drawing for the overlay and the annotations: text from the SDF glyph atlas, boxes,
// discs, rings, line samples, thick segments and triangles, as OverlayVertex triangles in layout
// pixels (y down).
#pragma once
#include <cmath>
#include <string_view>
#include <vector>

#include "render/glyph_atlas.hpp"
#include "render/label_geometry.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

struct OverlayVertex {
    float x, y;        // layout pixels, y down
    float u, v;        // atlas or shape coordinates
    float r, g, b, a;
    float shape;       // 0 text, 1 solid, 2 disc, 3 line sample (u: pixels along, v: 0 solid, 1 dashes, 2 dots), 4 ring,
                       // 5 antialiased line (u: pixels along, v: -1..1 across), 6 the same dashed
};

struct OverlayWriter {
    const GlyphAtlas& atlas;
    std::vector<OverlayVertex>& out;

    void quad(float x0, float y0, float x1, float y1, float u0, float v0, float u1, float v1, Rgba c, float shape) {
        const OverlayVertex a{x0, y0, u0, v0, c.r, c.g, c.b, c.a, shape}, b{x1, y0, u1, v0, c.r, c.g, c.b, c.a, shape},
            d{x0, y1, u0, v1, c.r, c.g, c.b, c.a, shape}, e{x1, y1, u1, v1, c.r, c.g, c.b, c.a, shape};
        out.insert(out.end(), {a, b, d, b, e, d});
    }
    void rect(float x0, float y0, float x1, float y1, Rgba c) { quad(x0, y0, x1, y1, 0, 0, 0, 0, c, 1); }
    void disc(float cx, float cy, float r, Rgba c) { quad(cx - r, cy - r, cx + r, cy + r, -1, -1, 1, 1, c, 2); }
    void ring(float cx, float cy, float r, Rgba c) { quad(cx - r, cy - r, cx + r, cy + r, -1, -1, 1, 1, c, 4); }
    void lineSample(float x0, float y, float x1, float width, Rgba c, float pattern) {
        quad(x0, y - width / 2, x1, y + width / 2, 0, pattern, x1 - x0, pattern, c, 3);
    }
    // A line from (x0, y0) to (x1, y1), `width` pixels wide with antialiased sides and square ends
    // (so the segments of a polyline join); dashes are measured from `along` pixels into the line.
    void segment(float x0, float y0, float x1, float y1, float width, float along, Rgba c, bool dashed) {
        float dx = x1 - x0, dy = y1 - y0;
        const float length = std::sqrt(dx * dx + dy * dy);
        if (!(length > 1e-4f)) return;
        dx /= length, dy /= length;
        const float half = width / 2 + 0.5f, cap = width / 2;
        const float nx = -dy * half, ny = dx * half;
        const float ax = x0 - dx * cap, ay = y0 - dy * cap, bx = x1 + dx * cap, by = y1 + dy * cap;
        const float u0 = along - cap, u1 = along + length + cap, shape = dashed ? 6.0f : 5.0f;
        const OverlayVertex p{ax - nx, ay - ny, u0, -1, c.r, c.g, c.b, c.a, shape}, q{ax + nx, ay + ny, u0, 1, c.r, c.g, c.b, c.a, shape},
            r{bx - nx, by - ny, u1, -1, c.r, c.g, c.b, c.a, shape}, t{bx + nx, by + ny, u1, 1, c.r, c.g, c.b, c.a, shape};
        out.insert(out.end(), {p, q, r, q, t, r});
    }
    void triangle(float ax, float ay, float bx, float by, float cx, float cy, Rgba c) {
        out.push_back({ax, ay, 0, 0, c.r, c.g, c.b, c.a, 1});
        out.push_back({bx, by, 0, 0, c.r, c.g, c.b, c.a, 1});
        out.push_back({cx, cy, 0, 0, c.r, c.g, c.b, c.a, 1});
    }
    float measure(std::string_view text, float size) const {
        return layoutLine(atlas, text, size, 0, 0, 0, {}, nullptr);
    }
    // Left-aligned text with its baseline at y; returns the width.
    float text(std::string_view s, float x, float baseline, float size, Rgba c) {
        thread_local std::vector<LabelVertex> glyphs;
        glyphs.clear();
        const float width = layoutLine(atlas, s, size, 0, 0, 0, {}, &glyphs);
        for (const LabelVertex& g : glyphs) {
            // layoutLine centres on the anchor with y up; the overlay is left-aligned, y down.
            out.push_back({x + width / 2 + g.ox, baseline - g.oy, g.u, g.v, c.r, c.g, c.b, c.a, 0});
        }
        return width;
    }
};


}  // namespace briefmap::render
