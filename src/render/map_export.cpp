// Offscreen render → readback → PNG → world files, each step timed for the benchmark.
#include "render/map_export.hpp"

#include <chrono>
#include <vector>

#include "geo/world_file.hpp"
#include "render/png_writer.hpp"
#include "render/render_target.hpp"

namespace briefmap::render {

namespace {
double msSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

Status exportMapPng(MapRenderer& renderer, const MapView& view, const MapStyle& style, const std::string& path,
                    bool worldFile, ExportTimings* timings) {
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    auto t = std::chrono::steady_clock::now();
    Result<RenderTarget> target = RenderTarget::create(view.framebufferWidth(), view.framebufferHeight());
    if (!target) return target.error();
    target->bind();
    renderer.render(view, style, {}, false);
    glFinish();
    ExportTimings local;
    local.renderMs = msSince(t);
    t = std::chrono::steady_clock::now();
    const std::unique_ptr<uint8_t[]> rgba = target->readRgbaFresh();
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    local.readbackMs = msSince(t);
    t = std::chrono::steady_clock::now();
    Status written = writePng(path, PixelRows{rgba.get(), view.framebufferWidth(), view.framebufferHeight(), 4, true});
    local.encodeMs = msSince(t);
    if (timings) *timings = local;
    if (!written) return written;
    if (worldFile) return geo::writeWorldFiles(path, view);
    return Done{};
}

}  // namespace briefmap::render
