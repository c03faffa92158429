// An offscreen framebuffer (RGBA8 + stencil) to render a view into and read back.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "core/result.hpp"
#include "render/gl_objects.hpp"

namespace briefmap::render {

inline constexpr int kMaxImageSize = 16384;

class RenderTarget {
public:
    // `sampleable`: the colour is a texture that shaders can read (the window's base-map cache).
    static Result<RenderTarget> create(int width, int height, bool sampleable = false);
    void bind() const;
    GLuint framebuffer() const { return m_fbo.get(); }
    GLuint colorTexture() const { return m_colorTexture.get(); }  // 0 unless sampleable
    // RGBA, bottom row first: the driver's own layout, so no conversion (see PixelRows).
    void readRgba(std::vector<uint8_t>& out) const;
    // The same into fresh memory that is not zeroed first (a one-off export: the read fills it all).
    std::unique_ptr<uint8_t[]> readRgbaFresh() const;
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    Framebuffer m_fbo;
    Renderbuffer m_color, m_stencil;
    Texture m_colorTexture;
    int m_width = 0, m_height = 0;
};

// Reads the bound framebuffer's colour as RGBA, bottom row first.
void readFramebufferRgba(int width, int height, std::vector<uint8_t>& out);

}  // namespace briefmap::render
