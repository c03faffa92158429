// FBO creation and pixel readback.
#include "render/render_target.hpp"

#include <cstring>
#include <string>

namespace briefmap::render {

Result<RenderTarget> RenderTarget::create(int width, int height) {
    if (width <= 0 || height <= 0 || width > kMaxImageSize || height > kMaxImageSize)
        return Error{"image size " + std::to_string(width) + "x" + std::to_string(height) + " is out of range"};
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    if (width > maxSize || height > maxSize)
        return Error{"image size exceeds this GPU's limit of " + std::to_string(maxSize)};
    RenderTarget t;
    t.m_width = width;
    t.m_height = height;
    t.m_fbo = makeFramebuffer();
    t.m_color = makeRenderbuffer();
    t.m_depthStencil = makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, t.m_color.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, t.m_depthStencil.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, t.m_fbo.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.m_color.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, t.m_depthStencil.get());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) return Error{"offscreen framebuffer incomplete (out of memory?)"};
    return t;
}

void RenderTarget::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.get()); }

void RenderTarget::readRgbTopDown(std::vector<uint8_t>& out) const {
    bind();
    readFramebufferRgbTopDown(m_width, m_height, out);
}

void readFramebufferRgbTopDown(int width, int height, std::vector<uint8_t>& out) {
    const size_t row = static_cast<size_t>(width) * 3;
    out.resize(row * static_cast<size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, out.data());
    // GL's origin is bottom-left; swap rows in place.
    std::vector<uint8_t> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        uint8_t* a = out.data() + static_cast<size_t>(y) * row;
        uint8_t* b = out.data() + static_cast<size_t>(height - 1 - y) * row;
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
}

}  // namespace briefmap::render
