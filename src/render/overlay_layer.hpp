// What a briefing slide needs around the map, drawn by the renderer so exports carry it too: the
// briefing's title and the date shown (top left) and the legend (bottom left). Laid out on the CPU
// when its content or the viewport changes; otherwise a single cached draw.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/gl_objects.hpp"
#include "render/glyph_atlas.hpp"
#include "render/overlay_writer.hpp"
#include "render/label_layer.hpp"
#include "render/shader_program.hpp"
#include "render/theme.hpp"

namespace briefmap::render {

// Where the legend sits; the title and date stay top left (a top-left legend goes under them).
// Auto: the corner that covers the fewest markers in view (the renderer chooses; bottom left on a tie).
enum class LegendCorner : uint8_t { BottomLeft, BottomRight, TopLeft, TopRight, Auto };
std::optional<LegendCorner> parseLegendCorner(std::string_view name);  // "bottom-left"…, "auto"
std::string_view legendCornerName(LegendCorner corner);

struct OverlayContent {
    std::string title;
    std::string date;       // "13 September 2023"
    bool titleAndDate = true;
    bool legend = true;
    LegendCorner legendCorner = LegendCorner::BottomLeft;
    bool legendCollapsed = false;  // only its header ("LEGEND +"): the window, to free the map
    bool interactive = false;      // the window: rows may say what a click does; exports do not
    bool windowed = false;         // a time window is shown: markers count the events in it
    bool sizeByQuantity = false;   // markers are sized by reported quantity, not by event count
    ThemeName theme = ThemeName::Dark;
    int width = 0, height = 0;
    float insetBottom = 0;  // pixels kept free at the bottom (the window's time panel)
    bool mentionsRow = false;  // the articles' places are on the map: explain their rings
    uint32_t kinds = ~0u;      // bit k: some event of EventKind k is in the data (the legend lists only those)
    uint32_t cargos = ~0u;     // bit c: some flow carries Cargo c; none: no flow and status sections
    bool timelessRow = false;  // some events have no time: say they are always shown
    bool undated = false;      // none has: say so instead
    bool draftRow = false;     // some events are drafts: say what hollow means
    bool countryRow = false;   // a country stands for events known only at country level: say so
    bool uncertaintyRow = false;  // some places are drawn with the circle they are known within
    Rgba mentionColor{};
    std::string caption;        // a tour step's caption, drawn in the lower third; "" for none
    float captionAlpha = 1;
    bool operator==(const OverlayContent&) const = default;
};


// CPU layout (no GL): the vertices and the boxes the overlay covers (for labels to avoid); `legend`,
// when given, receives the legend's box (empty when it is not drawn).
void layoutOverlay(const OverlayContent& content, const GlyphAtlas& atlas, std::vector<OverlayVertex>& vertices,
                   std::vector<ScreenBox>& boxes, ScreenBox* legend = nullptr);

// Screen-space triangles (OverlayVertex) in a buffer, drawn with the overlay program over `atlas`.
class OverlayBatch {
public:
    void upload(const std::vector<OverlayVertex>& vertices);
    void draw(const ShaderProgram& program, const Texture& atlas, int width, int height) const;

private:
    Buffer m_buffer;
    VertexArray m_vao;
    GLsizei m_count = 0;
};

class OverlayLayer {
public:
    Status compileShaders();
    void setAtlas(const GlyphAtlas* atlas, const Texture* texture);  // owned by the site label layer
    // Lays out if `content` changed; returns the boxes covered.
    const std::vector<ScreenBox>& update(const OverlayContent& content);
    const std::vector<ScreenBox>& boxes() const { return m_boxes; }  // of the last layout
    const ScreenBox& legendBox() const { return m_legend; }          // empty when not drawn
    void draw();
    const ShaderProgram& program() const { return m_program; }  // shared with the annotation layer

private:
    ShaderProgram m_program;
    const GlyphAtlas* m_atlas = nullptr;
    const Texture* m_texture = nullptr;
    OverlayBatch m_batch;
    std::vector<OverlayVertex> m_vertices;
    std::vector<ScreenBox> m_boxes;
    ScreenBox m_legend{};
    OverlayContent m_laidOut;
    bool m_valid = false;
};

}  // namespace briefmap::render
