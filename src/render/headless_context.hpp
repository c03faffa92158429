// An OpenGL 3.3 core context with no window and no X server: EGL surfaceless on Mesa, or the EGL
// device platform (the one NVIDIA drivers offer headless).
#pragma once
#include <memory>

#include "core/result.hpp"

namespace briefmap::render {

class HeadlessContext {
public:
    static Result<std::unique_ptr<HeadlessContext>> create();
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

private:
    HeadlessContext() = default;
    void* m_display = nullptr;
    void* m_context = nullptr;
};

}  // namespace briefmap::render
