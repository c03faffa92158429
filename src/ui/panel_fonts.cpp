#include "ui/panel_fonts.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <filesystem>

#include "core/text_fold.hpp"
#include "render/glyph_atlas.hpp"

namespace briefmap::ui {

namespace {
constexpr const char* kPanelFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr float kSize = 15.0f;
}  // namespace

void loadPanelFonts(const std::vector<std::string_view>& texts, bool rebuildTexture) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    static const ImWchar kRanges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2000, 0x206F,
                                      0x20A0, 0x20CF, 0x2190, 0x21FF, 0x2200, 0x22FF, 0};
    const std::string fallback = render::GlyphAtlas::defaultFontPath();
    std::error_code ec;
    const bool dejavu = std::filesystem::exists(kPanelFont, ec);
    if (!io.Fonts->AddFontFromFileTTF(dejavu ? kPanelFont : fallback.c_str(), kSize, nullptr, kRanges))
        io.Fonts->AddFontDefault();
    // Characters beyond the main font's ranges (Hangul, CJK) from WenQuanYi, only those in use.
    ImFontGlyphRangesBuilder builder;
    bool any = false;
    for (std::string_view text : texts)
        for (size_t i = 0; i < text.size();) {
            const CodePoint cp = decodeUtf8(text, i);
            i += cp.length;
            if (cp.valid && cp.value >= 0x1100 && cp.value < 0x10000 && !(cp.value >= 0x2000 && cp.value < 0x2300)) {
                builder.AddChar(static_cast<ImWchar>(cp.value));
                any = true;
            }
        }
    static ImVector<ImWchar> extra;  // must outlive the atlas build
    extra.clear();
    if (any && std::filesystem::exists(fallback, ec)) {
        builder.BuildRanges(&extra);
        ImFontConfig merge;
        merge.MergeMode = true;
        io.Fonts->AddFontFromFileTTF(fallback.c_str(), kSize, &merge, extra.Data);
    }
    io.Fonts->Build();
    if (rebuildTexture) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

}  // namespace briefmap::ui
