// The article reader: the source text as published, with the quoted sentence highlighted and
// scrolled into view.
#include <imgui.h>

#include <algorithm>

#include "ui/panels.hpp"

namespace briefmap::ui {

void drawArticlePanel(UiState& state, const model::Briefing& b) {
    if (state.openArticle < 0 || state.openArticle >= static_cast<int>(b.articles.size())) return;
    const model::Article& a = b.articles[static_cast<size_t>(state.openArticle)];
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f - 330, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(660, io.DisplaySize.y * 0.62f), ImGuiCond_FirstUseEver);
    bool open = true;
    if (!ImGui::Begin("Article", &open)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("%s", a.title.c_str());
    ImGui::TextDisabled("%s%s%s  ·  %s", a.outlet.empty() ? "(no outlet printed)" : a.outlet.c_str(), "", "", a.published.text().c_str());
    if (!a.publishedNote.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", a.publishedNote.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::TextDisabled("%s", a.file.c_str());
    ImGui::Separator();
    ImGui::BeginChild("text");
    const std::string_view text = a.text;
    const size_t hs = std::min<size_t>(state.highlightStart, text.size()), he = std::min<size_t>(state.highlightEnd, text.size());
    // Paragraph by paragraph; the one holding the quote is split into before / quote / after.
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view para = text.substr(start, end - start);
        if (he > hs && hs < end && he > start) {
            const size_t a0 = std::max(hs, start), a1 = std::min(he, end);
            if (a0 > start) ImGui::TextWrapped("%.*s", static_cast<int>(a0 - start), para.data());
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.86f, 0.35f, 1));
            ImGui::TextWrapped("%.*s", static_cast<int>(a1 - a0), text.data() + a0);
            ImGui::PopStyleColor();
            const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(lo.x - 3, lo.y - 1), ImVec2(hi.x + 3, hi.y + 1), IM_COL32(255, 210, 80, 40), 3);
            if (state.scrollToHighlight) {
                ImGui::SetScrollHereY(0.3f);
                state.scrollToHighlight = false;
            }
            if (a1 < end) ImGui::TextWrapped("%.*s", static_cast<int>(end - a1), text.data() + a1);
        } else if (!para.empty()) {
            ImGui::TextWrapped("%.*s", static_cast<int>(para.size()), para.data());
        } else {
            ImGui::Spacing();
        }
        start = end + 1;
    }
    ImGui::EndChild();
    recordPanelRect(state);
    ImGui::End();
    if (!open) state.openArticle = -1;
}

}  // namespace briefmap::ui
