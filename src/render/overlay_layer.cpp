#include "render/overlay_layer.hpp"

#include <array>

#include <algorithm>

#include "model/briefing.hpp"
#include "render/camera_uniforms.hpp"
#include "render/label_geometry.hpp"
#include "render/overlay_writer.hpp"
#include "render/palette.hpp"

namespace briefmap::render {

namespace {

constexpr float kMargin = 14.0f, kPadding = 12.0f;

using Writer = OverlayWriter;

// "Title that is far too long…" so it fits `maxWidth`: `s` itself when it fits (the usual case, and
// no allocation while time plays), else a shortened copy.
std::string_view fitted(const Writer& w, std::string_view s, float size, float maxWidth, std::string& out) {
    if (w.measure(s, size) <= maxWidth) return s;
    out = s;
    while (!out.empty() && w.measure(out + "…", size) > maxWidth) {
        out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();
    }
    out += "…";
    return out;
}

}  // namespace

template <typename T, size_t N>
struct FixedList {
    std::array<T, N> items{};
    size_t count = 0;
    void push_back(T v) { items[count++] = v; }
    size_t size() const { return count; }
    bool empty() const { return count == 0; }
    T operator[](size_t i) const { return items[i]; }
};

void layoutOverlay(const OverlayContent& c, const GlyphAtlas& atlas, std::vector<OverlayVertex>& vertices,
                   std::vector<ScreenBox>& boxes, ScreenBox* legend) {
    vertices.clear();
    boxes.clear();
    Writer w{atlas, vertices};
    const Theme& theme = themeFor(c.theme);
    const bool dark = c.theme == ThemeName::Dark;
    const Rgba panel = dark ? Rgba{0.055f, 0.094f, 0.141f, 0.84f} : Rgba{1.0f, 1.0f, 1.0f, 0.88f};
    const Rgba strong = theme.countryLabel;
    const Rgba muted = dark ? Rgba{0.62f, 0.68f, 0.76f, 1.0f} : Rgba{0.38f, 0.41f, 0.46f, 1.0f};
    const auto W = static_cast<float>(c.width), H = static_cast<float>(c.height);

    if (c.titleAndDate && W > 200 && H > 80) {
        const float titleSize = 15.0f, dateSize = 26.0f;
        thread_local std::string shortened;
        const std::string_view title = fitted(w, c.title, titleSize, std::min(560.0f, W - 2 * kMargin - 2 * kPadding), shortened);
        const float width = std::max(w.measure(title, titleSize), w.measure(c.date, dateSize)) + 2 * kPadding;
        const float height = kPadding + titleSize * 1.3f + dateSize * 1.15f + kPadding * 0.7f;
        w.rect(kMargin, kMargin, kMargin + width, kMargin + height, panel);
        w.text(title, kMargin + kPadding, kMargin + kPadding + titleSize * 0.95f, titleSize, muted);
        w.text(c.date, kMargin + kPadding, kMargin + kPadding + titleSize * 1.3f + dateSize * 0.92f, dateSize, strong);
        boxes.push_back({kMargin, kMargin, kMargin + width, kMargin + height});
    }

    ScreenBox legendBox{};
    float titleBottom = 0;
    if (!boxes.empty()) titleBottom = boxes.back().y1;
    if (c.legend && W > 160 && H - c.insetBottom > 40) {
        const float size = 12.0f, row = 17.0f, header = 11.0f;
        // Fixed arrays: the overlay is laid out again whenever the date changes, without allocating.
        FixedList<model::Cargo, static_cast<size_t>(model::Cargo::Count)> cargos;
        for (size_t k = 0; k < static_cast<size_t>(model::Cargo::Count); ++k)
            if (c.cargos >> k & 1u) cargos.push_back(static_cast<model::Cargo>(k));
        FixedList<model::EventKind, static_cast<size_t>(model::EventKind::Count)> kinds;
        for (size_t k = 0; k < static_cast<size_t>(model::EventKind::Count); ++k)
            if (c.kinds >> k & 1u) kinds.push_back(static_cast<model::EventKind>(k));
        const auto rowsOf = [](size_t n) { return static_cast<float>((n + 1) / 2); };
        const bool flows = !cargos.empty();
        const char* statusNames[] = {"confirmed (official or verified)", "claimed by one side", "claimed and denied"};
        const char* mentionText = c.interactive ? "click for every sentence naming it" : "a place the articles name";
        const char* timelessText = c.undated ? "No event has a time: all shown" : "Some events have no time: always shown";
        const char* draftText = "hollow: drafted, not yet reviewed";
        const char* countryText = "tinted country: known only at country level";
        const char* uncertaintyText = "shaded circle: the place is known only within it";
        const char* collapsedText = "LEGEND  +";
        const char* placesHeader = c.sizeByQuantity ? (c.windowed ? "PLACES (size: reported quantity in the window)"
                                                                  : "PLACES (size: reported quantity so far)")
                                   : c.windowed ? "PLACES (size: events in the window)"
                                                : "PLACES (size: events so far)";
        // Sized to its content: two columns as wide as their longest entry, or the widest single line.
        float column = 0;
        for (size_t k = 0; k < cargos.size(); ++k) column = std::max(column, 36 + w.measure(model::cargoLabel(cargos[k]), size));
        for (size_t k = 0; k < kinds.size(); ++k) column = std::max(column, 18 + w.measure(model::eventKindLabel(kinds[k]), size));
        float content = column * 2 + 12;
        if (flows) {
            content = std::max(content, w.measure("FLOWS (width: quantity)", header));
            for (const char* n : statusNames) content = std::max(content, 36 + w.measure(n, size));
        }
        content = std::max(content, w.measure(placesHeader, header));
        if (c.timelessRow) content = std::max(content, w.measure(timelessText, size));
        if (c.draftRow) content = std::max(content, 18 + w.measure(draftText, size));
        if (c.countryRow) content = std::max(content, 18 + w.measure(countryText, size));
        if (c.uncertaintyRow) content = std::max(content, 18 + w.measure(uncertaintyText, size));
        if (c.mentionsRow)
            content = std::max({content, w.measure("NAMED IN THE ARTICLES (size: how often)", header), 18 + w.measure(mentionText, size)});
        const float columnStep = std::max(column + 12, 0.0f);
        // Open, or folded to its header; in a bottom corner above the time panel, top left under the title.
        const bool right = c.legendCorner == LegendCorner::BottomRight || c.legendCorner == LegendCorner::TopRight;
        const bool top = c.legendCorner == LegendCorner::TopLeft || c.legendCorner == LegendCorner::TopRight;
        const auto boxFor = [&](bool folded) {
            float width = std::ceil(content + 2 * kPadding), height = kPadding * 2;
            if (folded) {
                width = std::ceil(w.measure(collapsedText, header) + 2 * kPadding);
                height = header + 2 * kPadding * 0.75f;
            } else {
                if (flows) height += header * 1.6f + rowsOf(cargos.size()) * row + 6 + header * 1.6f + 3 * row + 6;
                height += header * 1.6f + rowsOf(kinds.size()) * row;
                if (c.timelessRow) height += row;
                if (c.draftRow) height += row;
                if (c.countryRow) height += row;
                if (c.uncertaintyRow) height += row;
                if (c.mentionsRow) height += 6 + header * 1.6f + row;
            }
            const float x0 = right ? W - kMargin - width : kMargin;
            const float y0 = !top ? H - c.insetBottom - kMargin - height
                                  : (c.legendCorner == LegendCorner::TopLeft && titleBottom > 0 ? titleBottom + kMargin * 0.6f : kMargin);
            return ScreenBox{x0, y0, x0 + width, y0 + height};
        };
        // A small map never gets a legend over its title or past its edges: the window folds it, a
        // picture (nothing to unfold) leaves it out.
        const std::optional<ScreenBox> title = titleBottom > 0 ? std::optional<ScreenBox>(boxes.front()) : std::nullopt;
        const auto fits = [&](const ScreenBox& b) {
            return b.x0 >= 0 && b.y0 >= 0 && b.x1 <= W && b.y1 <= H - c.insetBottom && !(title && b.overlaps(*title));
        };
        bool collapsed = c.legendCollapsed;
        ScreenBox placed = boxFor(collapsed);
        if (!fits(placed) && !collapsed && c.interactive) placed = boxFor(collapsed = true);
        if (fits(placed)) {
        const float x0 = placed.x0, y0 = placed.y0, width = placed.x1 - placed.x0, height = placed.y1 - placed.y0;
        w.rect(x0, y0, x0 + width, y0 + height, panel);
        float y = y0 + kPadding + header;
        if (collapsed) {
            w.text(collapsedText, x0 + kPadding, y0 + kPadding * 0.75f + header * 0.85f, header, muted);
        } else {
        if (flows) {
            w.text("FLOWS (width: quantity)", x0 + kPadding, y, header, muted);
            y += header * 0.6f;
            for (size_t k = 0; k < cargos.size(); ++k) {
                const float col = x0 + kPadding + static_cast<float>(k % 2) * columnStep;
                const float cy = y + row * static_cast<float>(k / 2) + row * 0.5f;
                w.lineSample(col, cy, col + 28, 4, cargoColor(cargos[k], c.theme), 0);
                w.text(model::cargoLabel(cargos[k]), col + 36, cy + size * 0.35f, size, strong);
            }
            y += rowsOf(cargos.size()) * row + 6 + header;
            w.text("HOW ESTABLISHED", x0 + kPadding, y, header, muted);
            y += header * 0.6f;
            for (int k = 0; k < 3; ++k) {
                const float cy = y + row * static_cast<float>(k) + row * 0.5f;
                w.lineSample(x0 + kPadding, cy, x0 + kPadding + 28, 3, strong, static_cast<float>(k));
                w.text(statusNames[k], x0 + kPadding + 36, cy + size * 0.35f, size, strong);
            }
            y += 3 * row + 6 + header;
        }
        w.text(placesHeader, x0 + kPadding, y, header, muted);
        y += header * 0.6f;
        for (size_t k = 0; k < kinds.size(); ++k) {
            const float col = x0 + kPadding + static_cast<float>(k % 2) * columnStep;
            const float cy = y + row * static_cast<float>(k / 2) + row * 0.5f;
            w.disc(col + 6, cy, 5.5f, kindColor(kinds[k], c.theme));
            w.text(model::eventKindLabel(kinds[k]), col + 18, cy + size * 0.35f, size, strong);
        }
        y += rowsOf(kinds.size()) * row;
        if (c.timelessRow) {
            const float cy = y + row * 0.5f;
            w.text(timelessText, x0 + kPadding, cy + size * 0.35f, size, muted);
            y += row;
        }
        if (c.draftRow) {
            const float cy = y + row * 0.5f;
            w.ring(x0 + kPadding + 6, cy, 5.5f, strong);
            w.text(draftText, x0 + kPadding + 18, cy + size * 0.35f, size, strong);
            y += row;
        }
        if (c.uncertaintyRow) {
            const float cy = y + row * 0.5f;
            Rgba tint = strong;
            tint.a = 0.25f;
            w.disc(x0 + kPadding + 6, cy, 6.0f, tint);
            w.text(uncertaintyText, x0 + kPadding + 18, cy + size * 0.35f, size, strong);
            y += row;
        }
        if (c.countryRow) {
            const float cy = y + row * 0.5f;
            Rgba tint = strong;
            tint.a = 0.3f;
            w.rect(x0 + kPadding, cy - 5, x0 + kPadding + 12, cy + 5, tint);
            w.text(countryText, x0 + kPadding + 18, cy + size * 0.35f, size, strong);
            y += row;
        }
        if (c.mentionsRow) {
            y += 6 + header;
            w.text("NAMED IN THE ARTICLES (size: how often)", x0 + kPadding, y, header, muted);
            const float cy = y + header * 0.6f + row * 0.5f;
            w.ring(x0 + kPadding + 6, cy, 6.5f, c.mentionColor);
            w.text(mentionText, x0 + kPadding + 18, cy + size * 0.35f, size, strong);
        }
        }
        legendBox = placed;
        boxes.push_back(legendBox);
        }
    }
    if (legend) *legend = legendBox;

    // A tour step's caption: the lower third, centred in the room the legend leaves, wrapped to at
    // most three lines, fading with captionAlpha as the tour flies between steps.
    if (!c.caption.empty() && c.captionAlpha > 0.01f && W > 200 && H > 120) {
        const float size = std::clamp(H / 30.0f, 16.0f, 34.0f), line = size * 1.3f;
        // Beside a legend in a bottom corner, when there is room; else the whole width.
        const bool legendBelow = legendBox.x1 > legendBox.x0 && legendBox.y1 > H - c.insetBottom - 2 * kMargin && W > 900;
        const float left = legendBelow && c.legendCorner == LegendCorner::BottomLeft ? legendBox.x1 + kMargin : kMargin;
        const float right = legendBelow && c.legendCorner == LegendCorner::BottomRight ? legendBox.x0 - kMargin : W - kMargin;
        const float maxText = std::min(right - left - 2 * kPadding, std::max(360.0f, W * 0.6f));
        // Greedy word wrap.
        thread_local std::vector<std::string> lines;
        lines.clear();
        std::string current;
        size_t at = 0;
        const std::string& text = c.caption;
        while (at < text.size() && lines.size() < 3) {
            size_t end = text.find(' ', at);
            if (end == std::string::npos) end = text.size();
            const std::string word = text.substr(at, end - at);
            const std::string tryLine = current.empty() ? word : current + " " + word;
            if (!current.empty() && w.measure(tryLine, size) > maxText) {
                lines.push_back(current);
                current = word;
            } else {
                current = tryLine;
            }
            at = end + 1;
        }
        if (!current.empty() && lines.size() < 3) lines.push_back(current);
        else if (at < text.size() && !lines.empty()) lines.back() += "…";
        float width = 0;
        thread_local std::string shortened;
        for (std::string& l : lines) {
            l = std::string(fitted(w, l, size, maxText, shortened));
            width = std::max(width, w.measure(l, size));
        }
        width += 2 * kPadding;
        const float height = 2 * kPadding * 0.8f + line * static_cast<float>(lines.size());
        const float x0 = (left + right) / 2 - width / 2, y1 = H - c.insetBottom - kMargin, y0 = y1 - height;
        Rgba box = panel, ink = strong;
        box.a *= c.captionAlpha;
        ink.a *= c.captionAlpha;
        w.rect(x0, y0, x0 + width, y1, box);
        for (size_t i = 0; i < lines.size(); ++i)
            w.text(lines[i], x0 + kPadding, y0 + kPadding * 0.8f + line * static_cast<float>(i) + size * 0.95f, size, ink);
        boxes.push_back({x0, y0, x0 + width, y1});
    }
}

Status OverlayLayer::compileShaders() {
    if (m_program.valid()) return Done{};
    return m_program.build("overlay.vert.glsl", "overlay.frag.glsl");
}

void OverlayLayer::setAtlas(const GlyphAtlas* atlas, const Texture* texture) {
    m_atlas = atlas;
    m_texture = texture;
    m_valid = false;
}

std::optional<LegendCorner> parseLegendCorner(std::string_view name) {
    for (LegendCorner c : {LegendCorner::BottomLeft, LegendCorner::BottomRight, LegendCorner::TopLeft, LegendCorner::TopRight, LegendCorner::Auto})
        if (legendCornerName(c) == name) return c;
    return std::nullopt;
}

std::string_view legendCornerName(LegendCorner corner) {
    switch (corner) {
    case LegendCorner::BottomRight: return "bottom-right";
    case LegendCorner::TopLeft: return "top-left";
    case LegendCorner::TopRight: return "top-right";
    case LegendCorner::Auto: return "auto";
    default: return "bottom-left";
    }
}

const std::vector<ScreenBox>& OverlayLayer::update(const OverlayContent& content) {
    if (!m_atlas) {
        m_legend = {};
        m_boxes.clear();
        return m_boxes;
    }
    if (m_valid && content == m_laidOut) return m_boxes;
    layoutOverlay(content, *m_atlas, m_vertices, m_boxes, &m_legend);
    m_batch.upload(m_vertices);
    m_laidOut = content;
    m_valid = true;
    return m_boxes;
}

void OverlayLayer::draw() {
    if (!m_valid || !m_texture) return;
    m_batch.draw(m_program, *m_texture, m_laidOut.width, m_laidOut.height);
}

void OverlayBatch::upload(const std::vector<OverlayVertex>& vertices) {
    if (!m_buffer) {
        m_buffer = makeBuffer();
        m_vao = makeVertexArray();
        glBindVertexArray(m_vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, m_buffer.get());
        const auto stride = static_cast<GLsizei>(sizeof(OverlayVertex));
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(OverlayVertex, x)));
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(OverlayVertex, u)));
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(OverlayVertex, r)));
        glEnableVertexAttribArray(3);
        glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(OverlayVertex, shape)));
        glBindVertexArray(0);
    }
    glBindBuffer(GL_ARRAY_BUFFER, m_buffer.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(OverlayVertex)), vertices.data(), GL_DYNAMIC_DRAW);
    m_count = static_cast<GLsizei>(vertices.size());
}

void OverlayBatch::draw(const ShaderProgram& program, const Texture& atlas, int width, int height) const {
    if (m_count == 0) return;
    program.use();
    glUniform2f(program.uniform("u_viewport"), static_cast<float>(width), static_cast<float>(height));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, atlas.get());
    glUniform1i(program.uniform("u_atlas"), 0);
    glUniform1f(program.uniform("u_edge"), GlyphAtlas::kOnEdge / 255.0f);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(m_vao.get());
    glDrawArrays(GL_TRIANGLES, 0, m_count);
    glBindVertexArray(0);
}

}  // namespace briefmap::render
