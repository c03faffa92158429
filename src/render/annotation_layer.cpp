#include "render/annotation_layer.hpp"

#include <algorithm>
#include <cmath>

#include "core/geodesic.hpp"
#include "core/projection.hpp"

namespace briefmap::render {

namespace {

constexpr float kCaptionSize = 12.5f, kCaptionPad = 5.0f;

Rgba rgbOf(uint32_t rgb, float alpha = 1) {
    return {static_cast<float>(rgb >> 16 & 0xff) / 255.0f, static_cast<float>(rgb >> 8 & 0xff) / 255.0f,
            static_cast<float>(rgb & 0xff) / 255.0f, alpha};
}

std::string radiusText(double km) {
    return formatDistance(km * 1000.0, false);
}

// Screen points of a shape's path, in the world copy nearest the view centre.
void projectPath(const MapView& view, const std::vector<LonLat>& path, double shift, std::vector<Vec2d>& out) {
    out.clear();
    for (const LonLat& p : path) out.push_back(view.projectedToScreen(briefmap::project(view.projection(), {p.lon + shift, p.lat})));
}

struct Ink {
    Rgba line, halo, fill, panel, text;
};

Ink inkFor(const model::Annotation& a, ThemeName theme) {
    const bool dark = theme == ThemeName::Dark;
    Ink ink;
    ink.line = a.color ? rgbOf(*a.color) : annotationInk(theme);
    ink.halo = annotationHalo(theme);
    ink.fill = ink.line;
    ink.fill.a = dark ? 0.07f : 0.05f;
    ink.panel = dark ? Rgba{0.055f, 0.094f, 0.141f, 0.86f} : Rgba{1.0f, 1.0f, 1.0f, 0.9f};
    ink.text = dark ? Rgba{0.94f, 0.95f, 0.97f, 1.0f} : Rgba{0.08f, 0.09f, 0.11f, 1.0f};
    return ink;
}

class Painter {
public:
    Painter(OverlayWriter& w) : m_w(w) {}

    // A polyline with a halo under it; dashed lines measure their pattern along the whole line.
    void polyline(const std::vector<Vec2d>& pts, float width, const Ink& ink, bool dashed) {
        stroke(pts, width + 2.5f, ink.halo, false);
        stroke(pts, width, ink.line, dashed);
    }
    void stroke(const std::vector<Vec2d>& pts, float width, Rgba c, bool dashed) {
        float along = 0;
        for (size_t i = 1; i < pts.size(); ++i) {
            const auto x0 = static_cast<float>(pts[i - 1].x), y0 = static_cast<float>(pts[i - 1].y);
            const auto x1 = static_cast<float>(pts[i].x), y1 = static_cast<float>(pts[i].y);
            m_w.segment(x0, y0, x1, y1, width, along, c, dashed);
            along += std::hypot(x1 - x0, y1 - y0);
        }
    }
    // A filled fan from `center` (a ring's interior, star-shaped around its centre once projected).
    void fan(Vec2d center, const std::vector<Vec2d>& pts, Rgba c) {
        for (size_t i = 1; i < pts.size(); ++i)
            m_w.triangle(static_cast<float>(center.x), static_cast<float>(center.y), static_cast<float>(pts[i - 1].x),
                         static_cast<float>(pts[i - 1].y), static_cast<float>(pts[i].x), static_cast<float>(pts[i].y), c);
    }
    // Text in a box centred on (cx, cy); returns the box.
    ScreenBox caption(std::string_view text, float cx, float cy, const Ink& ink) {
        const float width = m_w.measure(text, kCaptionSize) + 2 * kCaptionPad;
        const float height = kCaptionSize + 2 * kCaptionPad - 2;
        const float x0 = std::round(cx - width / 2), y0 = std::round(cy - height / 2);
        m_w.rect(x0, y0, x0 + width, y0 + height, ink.panel);
        m_w.rect(x0, y0, x0 + 2, y0 + height, ink.line);  // the annotation's colour, so a caption names its shape
        m_w.text(text, x0 + kCaptionPad + 1, y0 + kCaptionPad + kCaptionSize * 0.78f, kCaptionSize, ink.text);
        return {x0, y0, x0 + width, y0 + height};
    }
    void arrowhead(Vec2d tip, Vec2d from, float length, const Ink& ink) {
        double dx = tip.x - from.x, dy = tip.y - from.y;
        const double n = std::hypot(dx, dy);
        if (n < 1e-6) return;
        dx /= n, dy /= n;
        const auto head = [&](float len, float half, Rgba c) {
            const double bx = tip.x - dx * len, by = tip.y - dy * len;
            m_w.triangle(static_cast<float>(tip.x + dx * (len - length)), static_cast<float>(tip.y + dy * (len - length)),
                         static_cast<float>(bx - dy * half), static_cast<float>(by + dx * half),
                         static_cast<float>(bx + dy * half), static_cast<float>(by - dx * half), c);
        };
        head(length + 2.5f, length * 0.5f + 1.8f, ink.halo);
        head(length, length * 0.5f, ink.line);
    }
    void tick(Vec2d at, Vec2d along, float half, const Ink& ink) {
        double dx = along.x, dy = along.y;
        const double n = std::hypot(dx, dy);
        if (n < 1e-6) return;
        dx /= n, dy /= n;
        const auto ax = static_cast<float>(at.x - dy * half), ay = static_cast<float>(at.y + dx * half);
        const auto bx = static_cast<float>(at.x + dy * half), by = static_cast<float>(at.y - dx * half);
        m_w.segment(ax, ay, bx, by, 4.5f, 0, ink.halo, false);
        m_w.segment(ax, ay, bx, by, 2.0f, 0, ink.line, false);
    }

private:
    OverlayWriter& m_w;
};

bool onScreen(const Vec2d& p, const MapView& view, double margin) {
    return p.x >= margin && p.y >= margin && p.x <= view.width() - margin && p.y <= view.height() - margin;
}

void layoutShape(const AnnotationShape& s, const MapView& view, double centerLon, ThemeName theme, Painter& paint,
                 std::vector<ScreenBox>& boxes, std::vector<Vec2d>& pts) {
    const model::Annotation& a = s.annotation;
    const Ink ink = inkFor(a, theme);
    const double shift = wrapNear(a.at.at.lon, centerLon) - a.at.at.lon;
    const Vec2d at = view.projectedToScreen(briefmap::project(view.projection(), {a.at.at.lon + shift, a.at.at.lat}));
    switch (a.kind) {
    case model::AnnotationKind::RangeRing: {
        projectPath(view, s.path, shift, pts);
        if (!s.aroundPole) paint.fan(at, pts, ink.fill);
        paint.polyline(pts, 2.0f, ink, true);
        // The caption on the ring's highest point that is on screen (a ring larger than the view
        // still names itself).
        const Vec2d* best = nullptr;
        for (const Vec2d& p : pts)
            if (onScreen(p, view, 24) && (!best || p.y < best->y)) best = &p;
        if (best && !s.caption.empty()) boxes.push_back(paint.caption(s.caption, static_cast<float>(best->x), static_cast<float>(best->y), ink));
        break;
    }
    case model::AnnotationKind::Ruler: {
        projectPath(view, s.path, shift, pts);
        paint.polyline(pts, 2.0f, ink, false);
        if (pts.size() >= 2) {
            paint.tick(pts.front(), {pts[1].x - pts[0].x, pts[1].y - pts[0].y}, 7, ink);
            const size_t n = pts.size();
            paint.tick(pts.back(), {pts[n - 1].x - pts[n - 2].x, pts[n - 1].y - pts[n - 2].y}, 7, ink);
            // The caption at the middle of the path as drawn.
            const Vec2d mid = pts[n / 2];
            boxes.push_back(paint.caption(s.caption, static_cast<float>(mid.x), static_cast<float>(mid.y) - 14, ink));
        }
        break;
    }
    case model::AnnotationKind::Arrow: {
        projectPath(view, s.path, shift, pts);
        if (pts.size() < 2) break;
        // The shaft stops where the head begins.
        const float head = 15.0f;
        const Vec2d tip = pts.back();
        size_t k = pts.size() - 1;
        while (k > 0 && std::hypot(pts[k - 1].x - tip.x, pts[k - 1].y - tip.y) < head) --k;
        const Vec2d base = pts[k > 0 ? k - 1 : 0];
        pts.resize(k);
        if (!pts.empty()) {
            const double d = std::hypot(base.x - tip.x, base.y - tip.y);
            const double t = d > 0 ? (d - head * 0.8) / d : 0;
            pts.push_back({base.x + (tip.x - base.x) * t, base.y + (tip.y - base.y) * t});
            if (pts.size() >= 2) paint.polyline(pts, 3.0f, ink, false);
        }
        paint.arrowhead(tip, base, head, ink);
        if (!s.caption.empty()) {
            const Vec2d start = view.projectedToScreen(briefmap::project(view.projection(), {s.path.front().lon + shift, s.path.front().lat}));
            // At the tail, on the side away from the head.
            double dx = start.x - tip.x, dy = start.y - tip.y;
            const double n = std::max(std::hypot(dx, dy), 1e-6);
            dx /= n, dy /= n;
            boxes.push_back(paint.caption(s.caption, static_cast<float>(start.x + dx * 18), static_cast<float>(start.y + dy * 14), ink));
        }
        break;
    }
    case model::AnnotationKind::Label:
    default:
        boxes.push_back(paint.caption(s.caption, static_cast<float>(at.x), static_cast<float>(at.y), ink));
        break;
    }
}

}  // namespace

Rgba annotationInk(ThemeName theme) {
    return theme == ThemeName::Dark ? Rgba{0.98f, 0.84f, 0.36f, 1.0f} : Rgba{0.55f, 0.12f, 0.55f, 1.0f};
}

Rgba annotationHalo(ThemeName theme) {
    return theme == ThemeName::Dark ? Rgba{0.02f, 0.04f, 0.07f, 0.85f} : Rgba{1.0f, 1.0f, 1.0f, 0.9f};
}

AnnotationGeometry buildAnnotationGeometry(const model::Briefing& briefing) {
    AnnotationGeometry g;
    for (const model::Annotation& a : briefing.annotations) {
        if (!a.located()) continue;
        AnnotationShape s;
        s.annotation = a;
        switch (a.kind) {
        case model::AnnotationKind::RangeRing: {
            auto ring = geodesicCircle(a.at.at, a.radiusKm * 1000.0);
            if (!ring) continue;
            s.path = std::move(*ring);
            // Longitudes that do not come back around the ring: it encloses a pole.
            s.aroundPole = std::abs(s.path.back().lon - s.path.front().lon) > 180;
            s.caption = a.text.empty() ? radiusText(a.radiusKm) : a.text + " · " + radiusText(a.radiusKm);
            break;
        }
        case model::AnnotationKind::Ruler:
        case model::AnnotationKind::Arrow: {
            auto path = geodesicPath(a.at.at, a.to.at, 25'000);
            if (!path) continue;
            s.path = std::move(*path);
            if (a.kind == model::AnnotationKind::Ruler) {
                const auto line = geodesicInverse(a.at.at, a.to.at);
                const std::string distance = line ? formatDistance(line->metres) : "";
                s.caption = a.text.empty() ? distance : a.text + " · " + distance;
            } else {
                s.caption = a.text;
            }
            break;
        }
        default:
            s.caption = a.text;
            break;
        }
        g.shapes.push_back(std::move(s));
    }
    return g;
}

std::vector<std::string> annotationTexts(const AnnotationGeometry& geometry) {
    std::vector<std::string> texts{"0123456789,.· km mi () m"};
    for (const AnnotationShape& s : geometry.shapes) texts.push_back(s.caption);
    return texts;
}

void layoutAnnotations(const AnnotationGeometry& geometry, const MapView& view, double day, ThemeName theme,
                       const GlyphAtlas& atlas, std::vector<OverlayVertex>& vertices, std::vector<ScreenBox>& boxes,
                       const AnnotationShape* extra) {
    vertices.clear();
    boxes.clear();
    OverlayWriter w{atlas, vertices};
    Painter paint(w);
    const LonLat centre = view.screenToLonLat(view.width() / 2.0, view.height() / 2.0);
    thread_local std::vector<Vec2d> pts;
    for (const AnnotationShape& s : geometry.shapes)
        if (s.annotation.shownAt(day)) layoutShape(s, view, centre.lon, theme, paint, boxes, pts);
    if (extra) layoutShape(*extra, view, centre.lon, theme, paint, boxes, pts);
}

void AnnotationLayer::setGeometry(AnnotationGeometry geometry) {
    m_geometry = std::move(geometry);
    m_valid = false;
}

void AnnotationLayer::setAtlas(const GlyphAtlas* atlas, const Texture* texture) {
    m_atlas = atlas;
    m_texture = texture;
    m_valid = false;
}

void AnnotationLayer::setTransient(std::optional<AnnotationShape> shape) {
    if (!shape && !m_transient) return;
    m_transient = std::move(shape);
    m_valid = false;
}

const std::vector<ScreenBox>& AnnotationLayer::update(const MapView& view, double day, ThemeName theme) {
    if (!m_atlas || empty()) {
        m_boxes.clear();
        m_vertices.clear();
        return m_boxes;
    }
    m_shown.resize(m_geometry.shapes.size());
    for (size_t i = 0; i < m_shown.size(); ++i) m_shown[i] = m_geometry.shapes[i].annotation.shownAt(day);
    if (m_valid && m_shown == m_laidOutShown && theme == m_laidOutTheme && view.sameFrame(m_laidOutView)) return m_boxes;
    layoutAnnotations(m_geometry, view, day, theme, *m_atlas, m_vertices, m_boxes, m_transient ? &*m_transient : nullptr);
    m_batch.upload(m_vertices);
    m_laidOutShown = m_shown;
    m_laidOutTheme = theme;
    m_laidOutView = view;
    m_valid = true;
    return m_boxes;
}

void AnnotationLayer::draw(const ShaderProgram& program, int width, int height) const {
    if (!m_valid || !m_texture || m_vertices.empty()) return;
    m_batch.draw(program, *m_texture, width, height);
}

}  // namespace briefmap::render
