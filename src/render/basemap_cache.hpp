// The base map (everything but labels) cached in an offscreen framebuffer with a margin around the
// viewport. Panning is a pure translation in both projections, so while the view moves by whole pixels
// within the margin a frame is one framebuffer blit; when it leaves the margin the overlapping part is
// copied and only the newly exposed strips are rendered. Used by the window; exports render directly.
#pragma once
#include <optional>

#include "core/map_view.hpp"
#include "render/basemap_layer.hpp"
#include "render/render_target.hpp"

namespace briefmap::render {

struct PixelRect {
    int x, y, w, h;  // GL orientation: origin bottom-left
};
// The strips a width×height image shifted by (dx, dy) pixels no longer covers: at most two.
struct ExposedStrips {
    PixelRect rects[2];
    int count = 0;
    void add(PixelRect r) { rects[count++] = r; }
    const PixelRect* begin() const { return rects; }
    const PixelRect* end() const { return rects + count; }
};
ExposedStrips exposedStrips(int width, int height, int dx, int dy);
// Copies `from` into `to` (the same size), moved by (dx, dy) pixels as a view re-centred by them sees
// it; leaves the framebuffers bound for reading and drawing at `from` and `to`.
void blitShifted(const RenderTarget& from, const RenderTarget& to, int dx, int dy);

// Everything that changes the cached pixels other than the camera position.
struct BasemapCacheKey {
    Projection projection;
    double unitsPerPixel;
    int width, height;
    ThemeName theme;
    BasemapStyle style;
    bool operator==(const BasemapCacheKey& o) const {
        return projection == o.projection && unitsPerPixel == o.unitsPerPixel && width == o.width &&
               height == o.height && theme == o.theme && style.graticule == o.style.graticule &&
               style.coastlines == o.style.coastlines && style.countryBorders == o.style.countryBorders &&
               style.admin1 == o.style.admin1 && style.water == o.style.water;
    }
};

class BasemapCache {
public:
    static constexpr int kMargin = 384;  // pixels kept ready on every side of the viewport

    enum class Work { Blit, Strips, Full, Scaled };

    bool empty() const { return !m_current; }
    // Whether the cache holds this zoom, size, projection and style (then draw() is cheap).
    bool matches(const MapView& view, ThemeName theme, const BasemapStyle& style) const;
    // Draws `view` into the framebuffer bound for drawing from a matching cache: a blit, after
    // rendering the newly exposed strips when the view has left the margin. nullopt: nothing drawn
    // (no memory for the re-centred cache); the caller renders directly.
    std::optional<Work> draw(BasemapLayer& layer, const MapView& view, ThemeName theme, const BasemapStyle& style);
    // draw() in two steps, for a layer kept over the cache (FlowBackdrop): bring the cache around
    // `view` (re-centring it when the view left the margin; Blit when nothing needed doing), then
    // blit `view` from `source`, a target laid out as the cache (by default the cache itself).
    std::optional<Work> update(BasemapLayer& layer, const MapView& view, ThemeName theme, const BasemapStyle& style);
    void blitView(const MapView& view, const RenderTarget* source = nullptr) const;
    // During a zoom animation: draws `view` by scaling the cache (or `source`, laid out as the cache)
    // bilinearly (labels stay crisp on top). False when the cache is of another projection, size or
    // style, or does not cover the view.
    bool drawScaled(const MapView& view, ThemeName theme, const BasemapStyle& style, const RenderTarget* source = nullptr);

    // For layers kept over the cache: its target, a view of the whole of it, and a number that
    // changes whenever its pixels or extent do.
    const RenderTarget* target() const { return m_current ? &m_current->target : nullptr; }
    MapView extentView() const;
    uint64_t version() const { return m_version; }
    // How the last re-centring moved the pixels: version `from` became version() by shifting them
    // (dx, dy) pixels (GL orientation) and rendering the strips exposed. nullopt: not by a shift.
    struct Shift {
        uint64_t from;
        int dx, dy;
    };
    std::optional<Shift> lastShift() const {
        return m_lastShift && m_lastShift->from + 1 == m_version ? m_lastShift : std::nullopt;
    }
    // Renders the whole cache around `view` (done in idle time: 1.8x the pixels of a frame).
    void rebuild(BasemapLayer& layer, const MapView& view, ThemeName theme, const BasemapStyle& style);

private:
    struct Cached {
        RenderTarget target;
        Vec2d center;
    };
    // Whole-pixel offset of `view` from the cache centre, or nullopt when it is not whole or too far.
    std::optional<std::pair<int, int>> offsetOf(const MapView& view, int limit) const;
    static BasemapCacheKey keyFor(const MapView& view, ThemeName theme, const BasemapStyle& style);
    bool takeSpare(int width, int height);  // moves a target of that size into m_current
    void renderRect(BasemapLayer& layer, const Theme& theme, const BasemapStyle& style, int x, int y, int w, int h);

    ShaderProgram m_scaledCopy;  // built on first use
    VertexArray m_emptyVao;
    std::optional<Cached> m_current;
    std::optional<RenderTarget> m_spare;  // the next cache, reused to avoid reallocating
    std::optional<BasemapCacheKey> m_key;
    uint64_t m_version = 0;
    std::optional<Shift> m_lastShift;
};

}  // namespace briefmap::render
