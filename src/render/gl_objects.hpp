// Move-only RAII owners of GL names. Must be destroyed while their context is current.
#pragma once
#include <utility>

#include "render/gl.hpp"

namespace briefmap::render {

template <void (*Delete)(GLuint)>
class GlName {
public:
    GlName() = default;
    explicit GlName(GLuint name) : m_name(name) {}
    GlName(const GlName&) = delete;
    GlName& operator=(const GlName&) = delete;
    GlName(GlName&& o) noexcept : m_name(std::exchange(o.m_name, 0)) {}
    GlName& operator=(GlName&& o) noexcept {
        if (this != &o) {
            reset();
            m_name = std::exchange(o.m_name, 0);
        }
        return *this;
    }
    ~GlName() { reset(); }
    void reset() {
        if (m_name) Delete(m_name);
        m_name = 0;
    }
    GLuint get() const { return m_name; }
    explicit operator bool() const { return m_name != 0; }

private:
    GLuint m_name = 0;
};

namespace detail {
inline void deleteBuffer(GLuint n) { glDeleteBuffers(1, &n); }
inline void deleteVertexArray(GLuint n) { glDeleteVertexArrays(1, &n); }
inline void deleteTexture(GLuint n) { glDeleteTextures(1, &n); }
inline void deleteFramebuffer(GLuint n) { glDeleteFramebuffers(1, &n); }
inline void deleteRenderbuffer(GLuint n) { glDeleteRenderbuffers(1, &n); }
inline void deleteProgram(GLuint n) { glDeleteProgram(n); }
}  // namespace detail

using Buffer = GlName<detail::deleteBuffer>;
using VertexArray = GlName<detail::deleteVertexArray>;
using Texture = GlName<detail::deleteTexture>;
using Framebuffer = GlName<detail::deleteFramebuffer>;
using Renderbuffer = GlName<detail::deleteRenderbuffer>;
using ProgramName = GlName<detail::deleteProgram>;

inline Buffer makeBuffer() { GLuint n = 0; glGenBuffers(1, &n); return Buffer(n); }
inline VertexArray makeVertexArray() { GLuint n = 0; glGenVertexArrays(1, &n); return VertexArray(n); }
inline Texture makeTexture() { GLuint n = 0; glGenTextures(1, &n); return Texture(n); }
inline Framebuffer makeFramebuffer() { GLuint n = 0; glGenFramebuffers(1, &n); return Framebuffer(n); }
inline Renderbuffer makeRenderbuffer() { GLuint n = 0; glGenRenderbuffers(1, &n); return Renderbuffer(n); }

}  // namespace briefmap::render
