// Uploads the camera (MapView) into the prelude's uniforms of a program.
#pragma once
#include "core/map_view.hpp"
#include "render/shader_program.hpp"

namespace briefmap::render {

inline void setCameraUniforms(const ShaderProgram& p, const MapView& view, double worldOffsetDegrees) {
    glUniform1i(p.uniform("u_projection"), view.projection() == Projection::Equirect ? 1 : 0);
    glUniform2f(p.uniform("u_center"), static_cast<float>(view.center().x), static_cast<float>(view.center().y));
    glUniform1f(p.uniform("u_unitsPerPixel"), static_cast<float>(view.unitsPerPixel()));
    glUniform2f(p.uniform("u_viewport"), static_cast<float>(view.width()), static_cast<float>(view.height()));
    glUniform1f(p.uniform("u_worldOffset"), static_cast<float>(worldOffsetDegrees));
    glUniform1f(p.uniform("u_pixelRatio"), static_cast<float>(view.pixelRatio()));
    glUniform1f(p.uniform("u_worldOffsetProjected"),
                static_cast<float>(worldOffsetDegrees / 360.0 * worldWidth(view.projection())));
}

inline void setColor(GLint location, const struct Rgba& c) { glUniform4f(location, c.r, c.g, c.b, c.a); }

}  // namespace briefmap::render
