// Wrapped text with one span in another colour (ImGui has no inline styling): the sentence naming a
// place, with the name highlighted.
#pragma once
#include <imgui.h>

#include <cstddef>
#include <string_view>

namespace briefmap::ui {

// Draws `text` wrapped to the window's width, bytes [highlightStart, highlightEnd) in `highlight` on
// a soft background. Returns true when the text was clicked.
bool drawHighlightedText(std::string_view text, size_t highlightStart, size_t highlightEnd, ImVec4 color,
                         ImVec4 highlight);

}  // namespace briefmap::ui
