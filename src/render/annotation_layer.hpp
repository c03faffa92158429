// The briefing's annotations on the map: range rings (geodesic circles, dashed, lightly filled, with
// their radius), rulers (the geodesic path with its length), arrows and text labels. Geodesics are
// worked out once per briefing (CPU, any thread); per frame the few shapes are projected and laid
// out as screen-space triangles in the overlay's format, again only when the camera, the moment or
// the theme changed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/map_view.hpp"
#include "model/briefing.hpp"
#include "render/overlay_layer.hpp"
#include "render/screen_box.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

struct AnnotationShape {
    model::Annotation annotation;
    std::vector<LonLat> path;  // ring, ruler or arrow: the geodesic, longitudes continuous
    bool aroundPole = false;   // a ring enclosing a pole (not filled)
    std::string caption;       // drawn in a box: the label's text, a ring's text and radius, a ruler's length
};

struct AnnotationGeometry {
    std::vector<AnnotationShape> shapes;
    bool empty() const { return shapes.empty(); }
};

// The located annotations' shapes (an annotation whose place did not resolve is left out).
AnnotationGeometry buildAnnotationGeometry(const model::Briefing& briefing);
// Every text the annotations may draw, for the glyph atlas (captions, and digits and units for
// the window's ruler).
std::vector<std::string> annotationTexts(const AnnotationGeometry& geometry);

// The ink of annotations without a colour of their own, and the halo that keeps them readable.
Rgba annotationInk(ThemeName theme);
Rgba annotationHalo(ThemeName theme);

// Lays out the shapes shown at `day` for `view` (no GL): triangles and the caption boxes (label
// obstacles). `extra`, when given, is drawn too (the window's ruler while it is dragged).
void layoutAnnotations(const AnnotationGeometry& geometry, const MapView& view, double day, ThemeName theme,
                       const GlyphAtlas& atlas, std::vector<OverlayVertex>& vertices, std::vector<ScreenBox>& boxes,
                       const AnnotationShape* extra = nullptr);

class AnnotationLayer {
public:
    void setGeometry(AnnotationGeometry geometry);
    void setAtlas(const GlyphAtlas* atlas, const Texture* texture);
    // A shape drawn this frame besides the briefing's (the ruler being dragged); none to clear it.
    void setTransient(std::optional<AnnotationShape> shape);
    bool empty() const { return m_geometry.empty() && !m_transient; }
    // Lays out when something changed; returns the caption boxes.
    const std::vector<ScreenBox>& update(const MapView& view, double day, ThemeName theme);
    void draw(const ShaderProgram& program, int width, int height) const;

private:
    AnnotationGeometry m_geometry;
    std::optional<AnnotationShape> m_transient;
    const GlyphAtlas* m_atlas = nullptr;
    const Texture* m_texture = nullptr;
    OverlayBatch m_batch;
    std::vector<OverlayVertex> m_vertices;
    std::vector<ScreenBox> m_boxes;
    std::vector<bool> m_shown, m_laidOutShown;
    MapView m_laidOutView;
    ThemeName m_laidOutTheme = ThemeName::Dark;
    bool m_valid = false;
};

}  // namespace briefmap::render
