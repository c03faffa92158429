// The article reader: the source text as published, with the quoted sentence (or the place name an
// analyst clicked) highlighted and scrolled into view. Shows a briefing article or a loaded one.
#include <imgui.h>

#include <algorithm>

#include "ui/highlighted_text.hpp"
#include "ui/panels.hpp"

namespace briefmap::ui {

namespace {

// What the reader shows of an article, whichever list it comes from.
struct ReaderText {
    const std::string* title = nullptr;
    std::string byline;
    const std::string* note = nullptr;
    const std::string* file = nullptr;
    std::string_view text;
};

}  // namespace

void drawArticlePanel(UiState& state, const model::Briefing& b, const model::ArticleMentions& mentions) {
    // Built when another article is opened, not every frame.
    static ReaderText a;
    static const void* shown = nullptr;
    if (state.openArticle >= 0 && state.openArticle < static_cast<int>(b.articles.size())) {
        const model::Article& article = b.articles[static_cast<size_t>(state.openArticle)];
        if (shown != &article || a.text.data() != article.text.data())
            a = {&article.title, (article.outlet.empty() ? "(no outlet printed)" : article.outlet) + "  ·  " + article.published.text(),
                 &article.publishedNote, &article.file, article.text};
        shown = &article;
    } else if (state.openMentionArticle >= 0 && state.openMentionArticle < static_cast<int>(mentions.articles.size())) {
        const model::MentionArticle& article = mentions.articles[static_cast<size_t>(state.openMentionArticle)];
        static const std::string kNoNote;
        if (shown != &article || a.text.data() != article.text.data())  // articles added: another list
            a = {&article.title,
                 article.published == model::MentionArticle::kUndated ? "undated (not cited by the briefing)"
                                                                     : "published " + model::formatDay(article.published),
                 &kNoNote, &article.path, article.text};
        shown = &article;
    } else {
        shown = nullptr;
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f - 330, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(660, io.DisplaySize.y * 0.62f), ImGuiCond_FirstUseEver);
    bool open = true;
    if (!ImGui::Begin("Article", &open)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("%s", a.title->c_str());
    ImGui::TextDisabled("%s", a.byline.c_str());
    if (!a.note->empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", a.note->c_str());
        ImGui::PopStyleColor();
    }
    ImGui::TextDisabled("%s", a.file->c_str());
    ImGui::Separator();
    ImGui::BeginChild("text");
    const std::string_view text = a.text;
    const size_t hs = std::min<size_t>(state.highlightStart, text.size()), he = std::min<size_t>(state.highlightEnd, text.size());
    // Paragraph by paragraph; the one holding the highlight is laid out word by word.
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view para = text.substr(start, end - start);
        if (he > hs && hs < end && he > start) {
            // The paragraph holding the highlight, laid out inline with it lit.
            const ImVec2 top = ImGui::GetCursorScreenPos();
            drawHighlightedText(para, std::max(hs, start) - start, std::min(he, end) - start,
                                ImGui::GetStyle().Colors[ImGuiCol_Text], ImVec4(1.0f, 0.86f, 0.35f, 1));
            if (state.scrollToHighlight) {
                ImGui::SetScrollFromPosY(top.y - ImGui::GetWindowPos().y, 0.3f);
                state.scrollToHighlight = false;
            }
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
    if (!open) state.openArticle = state.openMentionArticle = -1;
}

}  // namespace briefmap::ui
