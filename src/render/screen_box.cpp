#include "render/screen_box.hpp"

#include <algorithm>
#include <cmath>

namespace briefmap::render {

namespace {

constexpr float kCellPixels = 64.0f;  // a label or marker spans one to a few cells

// The cell holding coordinate v, clamped to [-1, count] in float first (no out-of-range int casts).
int cellOf(float v, int count) {
    return static_cast<int>(std::clamp(std::floor(v / kCellPixels), -1.0f, static_cast<float>(count)));
}

}  // namespace

void ScreenBoxGrid::clear(int width, int height) {
    m_columns = std::max(1, static_cast<int>(std::ceil(static_cast<float>(width) / kCellPixels)));
    m_rows = std::max(1, static_cast<int>(std::ceil(static_cast<float>(height) / kCellPixels)));
    const auto cells = static_cast<size_t>(m_columns) * static_cast<size_t>(m_rows);
    if (m_cells.size() < cells) m_cells.resize(cells);
    for (std::vector<uint32_t>& cell : m_cells) cell.clear();
    m_boxes.clear();
}

bool ScreenBoxGrid::cellRange(const ScreenBox& box, int& cx0, int& cy0, int& cx1, int& cy1) const {
    if (std::isnan(box.x0) || std::isnan(box.y0) || std::isnan(box.x1) || std::isnan(box.y1)) return false;
    cx0 = std::max(0, cellOf(box.x0, m_columns));
    cy0 = std::max(0, cellOf(box.y0, m_rows));
    cx1 = std::min(m_columns - 1, cellOf(box.x1, m_columns));
    cy1 = std::min(m_rows - 1, cellOf(box.y1, m_rows));
    return cx0 <= cx1 && cy0 <= cy1;
}

void ScreenBoxGrid::insert(const ScreenBox& box) {
    int cx0, cy0, cx1, cy1;
    if (!cellRange(box, cx0, cy0, cx1, cy1)) return;  // wholly off screen: no query can hit it
    const auto index = static_cast<uint32_t>(m_boxes.size());
    m_boxes.push_back(box);
    for (int y = cy0; y <= cy1; ++y)
        for (int x = cx0; x <= cx1; ++x) m_cells[static_cast<size_t>(y * m_columns + x)].push_back(index);
}

bool ScreenBoxGrid::overlapsAny(const ScreenBox& box) const {
    int cx0, cy0, cx1, cy1;
    if (!cellRange(box, cx0, cy0, cx1, cy1)) return false;
    for (int y = cy0; y <= cy1; ++y)
        for (int x = cx0; x <= cx1; ++x)
            for (const uint32_t i : m_cells[static_cast<size_t>(y * m_columns + x)])
                if (m_boxes[i].overlaps(box)) return true;
    return false;
}

}  // namespace briefmap::render
