// Word-by-word layout: each word is measured and placed on the current line or the next one.
#include "ui/highlighted_text.hpp"

#include <algorithm>

namespace briefmap::ui {

bool drawHighlightedText(std::string_view text, size_t hs, size_t he, ImVec4 color, ImVec4 highlight, size_t* clickedAt) {
    // Where the mouse is, to name the word under it if this click lands on the text.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    size_t under = SIZE_MAX;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(80.0f, ImGui::GetContentRegionAvail().x);
    const float lineHeight = ImGui::GetTextLineHeight();
    const float space = ImGui::CalcTextSize(" ").x;
    float x = 0, y = 0;
    size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
        // A word that straddles the highlight's edges is drawn in up to three pieces.
        const size_t cuts[] = {i, std::clamp(hs, i, end), std::clamp(he, i, end), end};
        const float wordWidth = ImGui::CalcTextSize(text.data() + i, text.data() + end).x;
        if (x > 0 && x + wordWidth > width) {
            x = 0;
            y += lineHeight;
        }
        if (mouse.x >= origin.x + x && mouse.x < origin.x + x + wordWidth + space && mouse.y >= origin.y + y &&
            mouse.y < origin.y + y + lineHeight)
            under = i;
        for (int k = 0; k < 3; ++k) {
            if (cuts[k] == cuts[k + 1]) continue;
            const char* a = text.data() + cuts[k];
            const char* b = text.data() + cuts[k + 1];
            const float w = ImGui::CalcTextSize(a, b).x;
            const ImVec2 at(origin.x + x, origin.y + y);
            const bool lit = k == 1;
            if (lit) draw->AddRectFilled(ImVec2(at.x - 1, at.y), ImVec2(at.x + w + 1, at.y + lineHeight), IM_COL32(255, 210, 80, 48), 2);
            draw->AddText(at, ImGui::ColorConvertFloat4ToU32(lit ? highlight : color), a, b);
            x += w;
        }
        x += space;
        i = end;
    }
    const ImVec2 size(width, y + lineHeight);
    ImGui::InvisibleButton("##text", size);
    const bool clicked = ImGui::IsItemClicked();
    if (clicked && clickedAt) *clickedAt = under;
    return clicked;
}

}  // namespace briefmap::ui
