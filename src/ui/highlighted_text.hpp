// Wrapped text with one span in another colour (ImGui has no inline styling): the sentence naming a
// place, with the name highlighted.
#pragma once
#include <imgui.h>

#include <cstddef>
#include <string_view>

namespace briefmap::ui {

// Draws `text` wrapped to the window's width, bytes [highlightStart, highlightEnd) in `highlight` on
// a soft background. Returns true when the text was clicked; `clickedAt` then gets the byte offset of
// the word clicked (SIZE_MAX between words).
bool drawHighlightedText(std::string_view text, size_t highlightStart, size_t highlightEnd, ImVec4 color,
                         ImVec4 highlight, size_t* clickedAt = nullptr);

}  // namespace briefmap::ui
