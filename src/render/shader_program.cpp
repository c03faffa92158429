// Shader compile/link with the info log in the error (imgui_impl_opengl3's CheckShader, in spirit).
#include "render/shader_program.hpp"

#include <vector>

#include "embedded_shaders.hpp"

namespace briefmap::render {

namespace {

std::string_view findShader(std::string_view name) {
    for (const auto& s : shaders::kAll)
        if (s.name == name) return s.source;
    return {};
}

Result<GLuint> compile(GLenum stage, std::string_view file) {
    const std::string_view body = findShader(file);
    if (body.empty()) return Error{"shader '" + std::string(file) + "' is not embedded"};
    const std::string source = std::string("#version 330 core\n") +
                               (stage == GL_VERTEX_SHADER ? "#define VERTEX_SHADER 1\n" : "") +
                               std::string(findShader("prelude.glsl")) + "\n#line 1\n" + std::string(body);
    const GLuint shader = glCreateShader(stage);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint length = 0;
        glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
        std::vector<char> log(static_cast<size_t>(std::max(length, 1)));
        glGetShaderInfoLog(shader, length, nullptr, log.data());
        glDeleteShader(shader);
        return Error{std::string(file) + ": " + log.data()};
    }
    return shader;
}

}  // namespace

Status ShaderProgram::build(std::string_view vertexFile, std::string_view fragmentFile) {
    Result<GLuint> vs = compile(GL_VERTEX_SHADER, vertexFile);
    if (!vs) return vs.error();
    Result<GLuint> fs = compile(GL_FRAGMENT_SHADER, fragmentFile);
    if (!fs) {
        glDeleteShader(vs.value());
        return fs.error();
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vs.value());
    glAttachShader(program, fs.value());
    glLinkProgram(program);
    glDeleteShader(vs.value());
    glDeleteShader(fs.value());
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetProgramInfoLog(program, sizeof log, nullptr, log);
        glDeleteProgram(program);
        return Error{std::string(vertexFile) + "+" + std::string(fragmentFile) + ": link failed: " + log};
    }
    m_program = ProgramName(program);
    return Done{};
}

}  // namespace briefmap::render
