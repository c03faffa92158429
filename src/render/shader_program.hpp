// A linked GL program built from shaders/*.glsl (embedded at build time) with a shared prelude.
#pragma once
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "render/gl_objects.hpp"

namespace briefmap::render {

class ShaderProgram {
public:
    // Compiles `prelude.glsl` + `vertexFile` and `prelude.glsl` + `fragmentFile`; the #version line is
    // added here. On failure returns the info log; a program that was good stays in use.
    Status build(std::string_view vertexFile, std::string_view fragmentFile);
    void use() const { glUseProgram(m_program.get()); }
    GLint uniform(const char* name) const { return glGetUniformLocation(m_program.get(), name); }
    bool valid() const { return static_cast<bool>(m_program); }

private:
    ProgramName m_program;
};

}  // namespace briefmap::render
