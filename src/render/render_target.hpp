// An offscreen framebuffer (RGBA8 + depth/stencil) to render a view into and read back.
#pragma once
#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "render/gl_objects.hpp"

namespace briefmap::render {

inline constexpr int kMaxImageSize = 16384;

class RenderTarget {
public:
    static Result<RenderTarget> create(int width, int height);
    void bind() const;
    // Top row first, 3 bytes per pixel, as PNG wants it.
    void readRgbTopDown(std::vector<uint8_t>& out) const;
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    Framebuffer m_fbo;
    Renderbuffer m_color, m_depthStencil;
    int m_width = 0, m_height = 0;
};

// Reads the bound framebuffer's colour, flipped to top-down RGB.
void readFramebufferRgbTopDown(int width, int height, std::vector<uint8_t>& out);

}  // namespace briefmap::render
