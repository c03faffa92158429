#include "render/flow_backdrop.hpp"

namespace briefmap::render {

const RenderTarget* FlowBackdrop::current(const BasemapCache& cache, const SceneGeometry& scene) const {
    const bool holds = m_target && m_valid && m_cacheVersion == cache.version() && m_sceneVersion == scene.version();
    return holds ? &*m_target : nullptr;
}

void FlowBackdrop::shiftWithCache(const BasemapCache& cache, FlowLayer& flows, const SceneFrame& frame,
                                  const SceneGeometry& scene, int dx, int dy) {
    if (!m_spare || m_spare->width() != m_target->width() || m_spare->height() != m_target->height()) {
        Result<RenderTarget> spare = RenderTarget::create(m_target->width(), m_target->height(), true);
        if (!spare) return;  // no memory: start over instead
        m_spare = std::move(*spare);
    }
    // What stays in view moves with the cache; the strips it exposed get its new base map, then the
    // flows on the backdrop, clipped to them.
    blitShifted(*m_target, *m_spare, dx, dy);
    const ExposedStrips strips = exposedStrips(m_target->width(), m_target->height(), dx, dy);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, cache.target()->framebuffer());
    for (const PixelRect& r : strips)
        glBlitFramebuffer(r.x, r.y, r.x + r.w, r.y + r.h, r.x, r.y, r.x + r.w, r.y + r.h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    m_spare->bind();
    const MapView extent = cache.extentView();
    glViewport(0, 0, extent.width(), extent.height());
    glEnable(GL_SCISSOR_TEST);
    for (const PixelRect& r : strips) {
        glScissor(r.x, r.y, r.w, r.h);
        flows.drawRange(extent, frame, scene, 0, m_drawn);
    }
    glDisable(GL_SCISSOR_TEST);
    std::swap(m_target, m_spare);
    m_cacheVersion = cache.version();
}

bool FlowBackdrop::draw(const BasemapCache& cache, FlowLayer& flows, const MapView& view, const SceneFrame& frame,
                        const SceneGeometry& scene, size_t settled) {
    const RenderTarget* source = cache.target();
    if (!source) return false;
    GLint frameBuffer = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &frameBuffer);
    if (!m_target || m_target->width() != source->width() || m_target->height() != source->height()) {
        m_valid = false;
        Result<RenderTarget> target = RenderTarget::create(source->width(), source->height(), true);  // scaled in zooms
        if (!target) {
            m_target.reset();
            return false;
        }
        m_target = std::move(*target);
    }
    if (const std::optional<BasemapCache::Shift> shift = cache.lastShift();
        m_valid && m_sceneVersion == scene.version() && settled >= m_drawn && shift && shift->from == m_cacheVersion) {
        shiftWithCache(cache, flows, frame, scene, shift->dx, shift->dy);
    }
    if (!current(cache, scene) || settled < m_drawn) {
        // Start over from the cache's pixels.
        glBindFramebuffer(GL_READ_FRAMEBUFFER, source->framebuffer());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_target->framebuffer());
        glBlitFramebuffer(0, 0, source->width(), source->height(), 0, 0, source->width(), source->height(),
                          GL_COLOR_BUFFER_BIT, GL_NEAREST);
        m_valid = true;
        m_cacheVersion = cache.version();
        m_sceneVersion = scene.version();
        m_drawn = 0;
    }
    if (settled > m_drawn) {
        m_target->bind();
        const MapView extent = cache.extentView();
        glViewport(0, 0, extent.width(), extent.height());
        flows.drawRange(extent, frame, scene, m_drawn, settled);
        m_drawn = settled;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(frameBuffer));
    cache.blitView(view, &*m_target);
    return true;
}

}  // namespace briefmap::render
