// Land fill (stencil-then-cover, exact in any projection), coastlines, borders, admin-1 and graticule.
#pragma once
#include <array>
#include <optional>
#include <vector>

#include "core/map_view.hpp"
#include "render/basemap_geometry.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

class BasemapLayer {
public:
    Status compileShaders();  // once; kept across data changes so the driver's variants stay warm
    void setGeometry(BasemapGeometry geometry);  // CPU geometry, possibly prepared on another thread
    void setDetail(std::shared_ptr<const geo::DetailMap> detail);  // the close-up map, once loaded
    bool hasDetail() const { return m_geometry.hasDetail(); }
    // Draws every world copy that intersects the view into the bound framebuffer (needs a stencil).
    // A level of detail is prepared and uploaded the first time a zoom and projection need it; after
    // that a frame changes only uniforms.
    void draw(const MapView& view, const Theme& theme, const BasemapStyle& style);

private:
    struct GpuLevel {
        Buffer buffer;
        VertexArray vao;
        std::optional<Projection> uploaded;
    };
    GpuLevel& upload(GeometrySet set, size_t level, Projection projection);
    void drawLines(GeometrySet set, const MapView& view, int first, int last, Rgba color, float width);
    // Even-odd stencil fill of a ring set, then one cover pass in `color`.
    void fillRings(GeometrySet set, size_t lod, const MapView& view, int first, int last, Rgba color);

    ShaderProgram m_fillProgram, m_coverProgram, m_lineProgram;
    VertexArray m_emptyVao;
    BasemapGeometry m_geometry;
    std::array<std::vector<GpuLevel>, kGeometrySets> m_gpu;
};

}  // namespace briefmap::render
