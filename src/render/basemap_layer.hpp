// Land fill (stencil-then-cover, exact in any projection), coastlines, borders, admin-1 and graticule.
#pragma once
#include <optional>
#include <vector>

#include "core/map_view.hpp"
#include "geo/basemap.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

struct BasemapStyle {
    bool graticule = false;
    bool coastlines = true;
    bool countryBorders = true;
    bool admin1 = true;
};

class BasemapLayer {
public:
    Status init(const geo::Basemap& data);  // keeps lon/lat geometry; uploads lazily
    // Draws every world copy that intersects the view into the bound framebuffer (needs a stencil).
    // A level of detail is projected on the CPU and uploaded the first time it is drawn in a
    // projection; after that a frame changes only uniforms.
    void draw(const MapView& view, const Theme& theme, const BasemapStyle& style);

private:
    // One level of detail of one geometry set: lon/lat on the CPU, projected coordinates on the GPU.
    struct Level {
        bool built = false;
        std::vector<float> lonLat;     // degrees
        std::vector<float> projected;  // the same, projected
        std::optional<Projection> projectedFor, uploaded;
        Buffer buffer;
        VertexArray vao;
        GLsizei count = 0;  // segments (lines) or vertices (fill)
    };
    using Levels = std::vector<Level>;
    struct LineSet {
        std::vector<geo::Segment> source;  // full detail, degrees
        Levels levels;
    };

    // Levels are simplified, triangulated, projected (in parallel) and uploaded the first time a
    // zoom and projection need them.
    void prepareLevels(const MapView& view, const BasemapStyle& style);
    void buildLevel(Level& level, const LineSet* lines, size_t index, Projection projection) const;  // no GL
    static void upload(Level& level, Projection projection, bool instanced);
    void drawLines(LineSet& set, const MapView& view, int first, int last, Rgba color, float width);
    static size_t levelFor(const MapView& view);

    ShaderProgram m_fillProgram, m_coverProgram, m_lineProgram;
    VertexArray m_emptyVao;
    std::vector<Ring> m_rings;  // every country ring, full detail
    Levels m_fill;
    LineSet m_coast, m_borders, m_admin1, m_graticule;
};

// Admin-1 boundaries fade in from this many pixels per degree of longitude (and labels appear).
inline constexpr double kAdmin1PixelsPerDegree = 14.0;
double pixelsPerDegree(const MapView& view);

}  // namespace briefmap::render
