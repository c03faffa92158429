// Frame composition: clear to ocean, land and lines, then labels on top.
#include "render/map_renderer.hpp"

namespace briefmap::render {

bool loadGlFunctions(void* (*getProcAddress)(const char*)) {
    return gladLoadGL(reinterpret_cast<GLADloadfunc>(getProcAddress)) != 0;
}

Status MapRenderer::init(const geo::Basemap& data, const std::string& fontPath) {
    if (Status s = m_basemap.init(data); !s) return s;
    return m_labels.init(data, fontPath);
}

void MapRenderer::render(const MapView& view, const MapStyle& style, const std::vector<ScreenBox>& obstacles) {
    const Theme& theme = themeFor(style.theme);
    glViewport(0, 0, view.width(), view.height());
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(theme.ocean.r, theme.ocean.g, theme.ocean.b, 1.0f);
    glClearStencil(0);
    glStencilMask(0xFF);
    glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    m_basemap.draw(view, theme, BasemapStyle{style.graticule, style.coastlines, style.countryBorders, style.admin1});
    m_labels.setEnabled(style.countryLabels, style.regionLabels);
    m_labels.draw(view, theme, obstacles);
    glDisable(GL_BLEND);
}

}  // namespace briefmap::render
