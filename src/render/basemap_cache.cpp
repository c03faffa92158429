// Cache maintenance: whole-pixel blits, strip updates, full rebuilds.
#include "render/basemap_cache.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace briefmap::render {

void blitShifted(const RenderTarget& from, const RenderTarget& to, int dx, int dy) {
    const int w = from.width(), h = from.height();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from.framebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to.framebuffer());
    glBlitFramebuffer(std::max(0, dx), std::max(0, dy), w + std::min(0, dx), h + std::min(0, dy), std::max(0, -dx),
                      std::max(0, -dy), w + std::min(0, -dx), h + std::min(0, -dy), GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

ExposedStrips exposedStrips(int width, int height, int dx, int dy) {
    ExposedStrips strips;
    if (dx > 0) strips.add({width - dx, 0, dx, height});
    if (dx < 0) strips.add({0, 0, -dx, height});
    if (dy > 0) strips.add({0, height - dy, width, dy});
    if (dy < 0) strips.add({0, 0, width, -dy});
    return strips;
}

std::optional<std::pair<int, int>> BasemapCache::offsetOf(const MapView& view, int limit) const {
    if (!m_current) return std::nullopt;
    const double dx = (view.center().x - m_current->center.x) / view.unitsPerPixel();
    const double dy = (view.center().y - m_current->center.y) / view.unitsPerPixel();
    const double rx = std::round(dx), ry = std::round(dy);
    if (std::abs(dx - rx) > 1e-3 || std::abs(dy - ry) > 1e-3) return std::nullopt;
    if (std::abs(rx) > limit || std::abs(ry) > limit) return std::nullopt;
    return std::pair<int, int>{static_cast<int>(rx), static_cast<int>(ry)};
}

// Renders the part of the cache at pixel rect (x, y, w, h), GL origin bottom-left.
void BasemapCache::renderRect(BasemapLayer& layer, const Theme& theme, const BasemapStyle& style, int x, int y, int w,
                              int h) {
    if (w <= 0 || h <= 0) return;
    const RenderTarget& t = m_current->target;
    const double upp = m_key->unitsPerPixel;
    const Vec2d center{m_current->center.x + (x + w / 2.0 - t.width() / 2.0) * upp,
                       m_current->center.y + (y + h / 2.0 - t.height() / 2.0) * upp};
    const MapView part(m_key->projection, center, upp, w, h);
    glViewport(x, y, w, h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, y, w, h);
    glClearColor(theme.ocean.r, theme.ocean.g, theme.ocean.b, 1.0f);
    glClearStencil(0);
    glStencilMask(0xFF);
    glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    layer.draw(part, theme, style);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
}

BasemapCacheKey BasemapCache::keyFor(const MapView& view, ThemeName theme, const BasemapStyle& style) {
    return {view.projection(), view.unitsPerPixel(), view.width(), view.height(), theme, style};
}

bool BasemapCache::matches(const MapView& view, ThemeName theme, const BasemapStyle& style) const {
    return m_current && m_key == keyFor(view, theme, style) && offsetOf(view, 1 << 30).has_value();
}

bool BasemapCache::takeSpare(int width, int height) {
    if (!m_spare || m_spare->width() != width || m_spare->height() != height) {
        Result<RenderTarget> t = RenderTarget::create(width, height, true);
        if (!t) return false;
        m_spare = std::move(t.value());
    }
    return true;
}

bool BasemapCache::drawScaled(const MapView& view, ThemeName theme, const BasemapStyle& style, const RenderTarget* source) {
    if (!m_current || !m_key) return false;
    BasemapCacheKey key = keyFor(view, theme, style);
    key.unitsPerPixel = m_key->unitsPerPixel;
    if (!(key == *m_key)) return false;
    const RenderTarget& t = source ? *source : m_current->target;
    const double upp = m_key->unitsPerPixel;
    const ProjectedExtent e = view.projectedExtent();
    const double x0 = (e.xmin - m_current->center.x) / upp + t.width() / 2.0;
    const double x1 = (e.xmax - m_current->center.x) / upp + t.width() / 2.0;
    const double y0 = (e.ymin - m_current->center.y) / upp + t.height() / 2.0;
    const double y1 = (e.ymax - m_current->center.y) / upp + t.height() / 2.0;
    if (x0 < -0.5 || y0 < -0.5 || x1 > t.width() + 0.5 || y1 > t.height() + 0.5) return false;
    if (!m_scaledCopy.valid()) {
        if (!m_scaledCopy.build("scaled_copy.vert.glsl", "scaled_copy.frag.glsl")) return false;
        m_emptyVao = makeVertexArray();
    }
    glViewport(0, 0, view.width(), view.height());
    glDisable(GL_BLEND);
    glDisable(GL_STENCIL_TEST);
    m_scaledCopy.use();
    glUniform4f(m_scaledCopy.uniform("u_sourceRect"), float(x0 / t.width()), float(y0 / t.height()),
                float(x1 / t.width()), float(y1 / t.height()));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, t.colorTexture());
    glUniform1i(m_scaledCopy.uniform("u_source"), 0);
    glBindVertexArray(m_emptyVao.get());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    return true;
}

void BasemapCache::rebuild(BasemapLayer& layer, const MapView& view, ThemeName themeName, const BasemapStyle& style) {
    GLint destination = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &destination);
    const int cacheW = view.width() + 2 * kMargin, cacheH = view.height() + 2 * kMargin;
    if (m_current) m_spare = std::move(m_current->target);
    m_current.reset();
    m_key.reset();
    ++m_version;
    if (!takeSpare(cacheW, cacheH)) return;  // out of memory: the window keeps rendering directly
    m_current = Cached{std::move(*m_spare), view.center()};
    m_spare.reset();
    m_key = keyFor(view, themeName, style);
    m_current->target.bind();
    renderRect(layer, themeFor(themeName), style, 0, 0, cacheW, cacheH);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(destination));
}

MapView BasemapCache::extentView() const {
    if (!m_current || !m_key) return {};
    return MapView(m_key->projection, m_current->center, m_key->unitsPerPixel, m_current->target.width(), m_current->target.height());
}

std::optional<BasemapCache::Work> BasemapCache::draw(BasemapLayer& layer, const MapView& view, ThemeName themeName,
                                                     const BasemapStyle& style) {
    const std::optional<Work> work = update(layer, view, themeName, style);
    if (work) blitView(view);
    return work;
}

std::optional<BasemapCache::Work> BasemapCache::update(BasemapLayer& layer, const MapView& view, ThemeName themeName,
                                                       const BasemapStyle& style) {
    if (offsetOf(view, kMargin)) return Work::Blit;
    // The view left the margin: re-centre, keeping what is still in view and rendering the rest.
    GLint destination = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &destination);
    const Theme& theme = themeFor(themeName);
    const int cacheW = view.width() + 2 * kMargin, cacheH = view.height() + 2 * kMargin;
    Work work = Work::Full;
    const std::optional<std::pair<int, int>> shift = offsetOf(view, std::max(cacheW, cacheH) - 1);
    Cached previous = std::move(*m_current);
    m_current.reset();
    ++m_version;
    if (!takeSpare(cacheW, cacheH)) {
        m_key.reset();
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(destination));
        return std::nullopt;
    }
    m_current = Cached{std::move(*m_spare), view.center()};
    m_spare = std::move(previous.target);
    m_current->target.bind();
    if (shift) {
        const auto [dx, dy] = *shift;
        blitShifted(*m_spare, m_current->target, dx, dy);
        for (const PixelRect& r : exposedStrips(cacheW, cacheH, dx, dy)) renderRect(layer, theme, style, r.x, r.y, r.w, r.h);
        work = Work::Strips;
        m_lastShift = Shift{m_version - 1, dx, dy};
    } else {
        renderRect(layer, theme, style, 0, 0, cacheW, cacheH);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(destination));
    glViewport(0, 0, view.width(), view.height());
    return work;
}

void BasemapCache::blitView(const MapView& view, const RenderTarget* source) const {
    if (!m_current) return;
    const auto [dx, dy] = *offsetOf(view, kMargin);
    GLint destination = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &destination);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, (source ? *source : m_current->target).framebuffer());
    glBlitFramebuffer(kMargin + dx, kMargin + dy, kMargin + dx + view.width(), kMargin + dy + view.height(), 0, 0,
                      view.width(), view.height(), GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(destination));
    glViewport(0, 0, view.width(), view.height());
}

}  // namespace briefmap::render
