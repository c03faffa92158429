// The panels' font: DejaVu Sans for Latin, Greek, Cyrillic and typography (WenQuanYi's apostrophe
// is CJK-wide: "Korea ’ s"), with WenQuanYi Micro Hei merged in for the Hangul the loaded texts
// actually use (all 11,172 syllables would cost ~90 ms at start-up).
#pragma once
#include <string_view>
#include <vector>

namespace briefmap::ui {

// Builds the font atlas; `texts` add the non-Latin characters they contain. Call before the first
// frame, and again (then the GL texture is rebuilt too) when new texts arrive.
void loadPanelFonts(const std::vector<std::string_view>& texts, bool rebuildTexture);

}  // namespace briefmap::ui
