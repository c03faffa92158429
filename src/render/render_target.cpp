// FBO creation and pixel readback.
#include "render/render_target.hpp"

#include <string>

namespace briefmap::render {

Result<RenderTarget> RenderTarget::create(int width, int height, bool sampleable) {
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
    // Stencil only (the land fill's parity): nothing draws with depth, and at 4K a depth buffer is 25 MB
    // more of memory to allocate and clear.
    t.m_stencil = makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, t.m_stencil.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_STENCIL_INDEX8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, t.m_fbo.get());
    if (sampleable) {
        t.m_colorTexture = makeTexture();
        glBindTexture(GL_TEXTURE_2D, t.m_colorTexture.get());
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, 0);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.m_colorTexture.get(), 0);
    } else {
        t.m_color = makeRenderbuffer();
        glBindRenderbuffer(GL_RENDERBUFFER, t.m_color.get());
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.m_color.get());
    }
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_RENDERBUFFER, t.m_stencil.get());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) return Error{"offscreen framebuffer incomplete (out of memory?)"};
    return t;
}

void RenderTarget::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.get()); }

void RenderTarget::readRgba(std::vector<uint8_t>& out) const {
    bind();
    readFramebufferRgba(m_width, m_height, out);
}

std::unique_ptr<uint8_t[]> RenderTarget::readRgbaFresh() const {
    bind();
    std::unique_ptr<uint8_t[]> out(new uint8_t[static_cast<size_t>(m_width) * static_cast<size_t>(m_height) * 4]);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, out.get());
    return out;
}

void readFramebufferRgba(int width, int height, std::vector<uint8_t>& out) {
    out.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, out.data());
}

}  // namespace briefmap::render
