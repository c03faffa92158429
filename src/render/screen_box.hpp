// Screen rectangles (labels, markers, panels) and a grid that answers "does this box hit any placed
// one" in time proportional to the boxes near it, not to all of them: greedy label placement tries
// ~4 candidates per label against thousands of markers in a stress scene, every frame time moves.
#pragma once
#include <cstdint>
#include <vector>

namespace briefmap::render {

struct ScreenBox {
    float x0, y0, x1, y1;  // pixels, y down
    friend bool operator==(const ScreenBox&, const ScreenBox&) = default;
    bool overlaps(const ScreenBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// Boxes placed so far on a width×height screen, bucketed into square cells. Queries are exact (the
// same answer as testing every box); only boxes touching the screen are kept, as placement never
// asks about boxes outside it. Cell lists keep their capacity across clear(): no per-frame allocation
// once a scene has been placed once.
class ScreenBoxGrid {
public:
    void clear(int width, int height);
    void insert(const ScreenBox& box);
    bool overlapsAny(const ScreenBox& box) const;

private:
    bool cellRange(const ScreenBox& box, int& cx0, int& cy0, int& cx1, int& cy1) const;

    int m_columns = 0, m_rows = 0;
    std::vector<ScreenBox> m_boxes;
    std::vector<std::vector<uint32_t>> m_cells;  // per cell: indices into m_boxes
};

}  // namespace briefmap::render
