// The articles' sentences naming a place, grouped by article (with its date), the name highlighted;
// clicking a sentence opens the article there. Shown in the details panel for a ring, and under a
// briefing marker for the names the articles give that spot.
#include <imgui.h>

#include "ui/highlighted_text.hpp"
#include "ui/panels.hpp"
#include "ui/panel_theme.hpp"

namespace briefmap::ui {

void drawMentionSentences(UiState& state, const model::ArticleMentions& mentions, uint32_t placeIndex) {
    if (placeIndex >= mentions.places.size()) return;
    const model::MentionedPlace& place = mentions.places[placeIndex];
    ImGui::PushID(static_cast<int>(placeIndex));
    uint32_t article = UINT32_MAX;
    for (size_t k = 0; k < place.occurrences.size(); ++k) {
        const model::MentionOccurrence& o = place.occurrences[k];
        const model::MentionArticle& a = mentions.articles[o.article];
        if (o.article != article) {
            article = o.article;
            ImGui::Spacing();
            if (a.published != model::MentionArticle::kUndated)
                ImGui::TextColored(panelColors(state.style.theme).date, "%s", model::formatDay(a.published).c_str());
            else
                ImGui::TextColored(panelColors(state.style.theme).date, "undated");
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            ImGui::TextWrapped("%s", a.title.c_str());
            ImGui::PopStyleColor();
        }
        const std::string_view sentence =
            std::string_view(a.text).substr(o.sentenceStart, o.sentenceEnd - o.sentenceStart);
        ImGui::PushID(static_cast<int>(k));
        const bool clicked = drawHighlightedText(sentence, o.start - o.sentenceStart, o.end - o.sentenceStart,
                                                 panelColors(state.style.theme).quote, panelColors(state.style.theme).mention);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the article at this sentence");
        if (clicked) {
            state.openArticle = -1;
            state.openMentionArticle = static_cast<int>(o.article);
            state.highlightStart = o.start;
            state.highlightEnd = o.end;
            state.scrollToHighlight = true;
            state.traceAction = "open_article";
            state.traceExtra = ",\"article\":\"" + a.path + "\",\"highlight\":\"" + place.name + "\"";
        }
        ImGui::PopID();
    }
    ImGui::PopID();
}

}  // namespace briefmap::ui
