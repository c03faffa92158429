// The camera: what part of the projected plane a viewport shows. Pure math, shared by the window,
// the headless exporter and picking, so the same view gives the same pixels everywhere.
#pragma once
#include "core/geo_types.hpp"
#include "core/projection.hpp"

namespace briefmap {

struct ProjectedExtent {
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
};

class MapView {
public:
    MapView() = default;
    MapView(Projection projection, Vec2d center, double unitsPerPixel, int width, int height);

    // Shows the whole box, centred on its projected middle: it fills the width or the height, whichever
    // fits tighter, and the other side shows more (letterboxed to the viewport's aspect ratio).
    static MapView fitBounds(Projection projection, const GeoBounds& bounds, int width, int height);
    // Covers exactly bounds.west..bounds.east across `width` pixels; the latitude span follows.
    static MapView fitWidth(Projection projection, const GeoBounds& bounds, int width, int height);

    Projection projection() const { return m_projection; }
    Vec2d center() const { return m_center; }
    double unitsPerPixel() const { return m_unitsPerPixel; }
    // The view's size in layout pixels: what text, markers and line widths are measured in, and what
    // picking and panels use.
    int width() const { return m_width; }
    int height() const { return m_height; }
    // The pixels actually rendered: more than width() x height() on a HiDPI window or a scaled export
    // (a 4K export at scale 2 lays out like 1080p, then rasterises every pixel of 3840x2160).
    int framebufferWidth() const { return m_fbWidth ? m_fbWidth : m_width; }
    int framebufferHeight() const { return m_fbHeight ? m_fbHeight : m_height; }
    double pixelRatio() const { return static_cast<double>(framebufferWidth()) / m_width; }
    // The same view rendered into `width` x `height` framebuffer pixels.
    MapView withFramebuffer(int width, int height) const;
    // The same pixels for the same geography (projection, centre, scale and layout size).
    bool sameFrame(const MapView& o) const {
        return m_projection == o.m_projection && m_center.x == o.m_center.x && m_center.y == o.m_center.y &&
               m_unitsPerPixel == o.m_unitsPerPixel && m_width == o.m_width && m_height == o.m_height;
    }

    ProjectedExtent projectedExtent() const;
    GeoBounds geoExtent() const;  // fitted extent in degrees (west/east unwrapped)

    Vec2d screenToProjected(double px, double py) const;  // pixel centres at +0.5
    Vec2d projectedToScreen(Vec2d xy) const;
    LonLat screenToLonLat(double px, double py) const;

    void resize(int width, int height);  // keeps centre and scale; the framebuffer follows (ratio 1)
    void panPixels(double dx, double dy);
    void zoomAround(double px, double py, double factor);  // factor > 1 zooms in
    MapView withProjection(Projection projection) const;   // same geographic centre and extent

    // The world copies (multiples of 360°) that intersect the view: [first, last].
    void visibleWorldCopies(int& first, int& last) const;

private:
    void clampState();

    Projection m_projection = Projection::Mercator;
    Vec2d m_center{};
    double m_unitsPerPixel = 1;
    int m_width = 1, m_height = 1;
    int m_fbWidth = 0, m_fbHeight = 0;  // 0: the same as the layout size
};

// The layout scale of an export of `width` x `height` pixels when none is asked for: as big as a
// 1920x1080 layout fits (a 4K export is 2, a 2560x1440 one 1.33), never below 1 (small exports keep
// their text legible).
double defaultOutputScale(int width, int height);

}  // namespace briefmap

namespace briefmap {
// The default view of the window and of `export`: Ukraine in the west to Korea and Japan in the east.
inline constexpr GeoBounds kDefaultBriefingBounds{20.0, 33.0, 148.0, 60.0};
}  // namespace briefmap
