// The article reader: the source text as published, with the quoted sentence (or the place name an
// analyst clicked) highlighted and scrolled into view. Shows a briefing article or a loaded one. In
// a briefing article, clicking a sentence selects it (Shift extends) for "New event from selection"
// or "Add as source": the quote and its byte offsets come from the text itself.
#include <imgui.h>

#include <algorithm>

#include "core/sentences.hpp"
#include "draft/draft_briefing.hpp"
#include "ui/editing_panels.hpp"
#include "ui/highlighted_text.hpp"
#include "ui/panels.hpp"
#include "ui/presenter.hpp"
#include "ui/panel_theme.hpp"

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

namespace {

// The event that "Add as source" adds to: the one in the editor, else the one selected.
std::string sourcingTarget(const UiState& state, const model::Briefing& b) {
    if (state.editing.editorOpen && b.findEvent(state.editing.form.eventId) != model::kNone) return state.editing.form.eventId;
    if (state.selection.kind == Selection::Kind::Event && state.selection.index < b.events.size()) return b.events[state.selection.index].id;
    return {};
}

// New event from selection / Add as source, for the selected sentences of briefing article `article`.
void drawSourcingBar(UiState& state, model::BriefingDocument& doc, const geo::Geocoder& geocoder, uint32_t article) {
    ReaderSelection& sel = state.readerSelection;
    const model::Briefing& b = doc.briefing();
    const std::string_view text = b.articles[article].text;
    ImGui::TextColored(panelColors(state.style.theme).selection, "Selected: bytes %u..%u", sel.start, sel.end);
    ImGui::SameLine();
    if (ImGui::SmallButton("New event from selection")) {
        if (std::optional<model::PortableEvent> pe = draft::draftEventFromSpan(b, article, {sel.start, sel.end}, geocoder)) {
            const std::string id = pe->event.id;
            doc.apply(model::addEvent(std::move(*pe)));
            const uint32_t e = doc.briefing().findEvent(id);
            state.selection = {Selection::Kind::Event, e};
            state.steppedEvents = {e};
            openEventEditor(state, doc.briefing(), e);
            flyTo(state, eventBounds(doc.briefing(), doc.briefing().events[e]));
            state.editing.message = "new draft event " + id + ": check every field";
            state.traceAction = "event_from_selection";
            state.traceExtra = ",\"event\":" + nlohmann::json(id).dump();
        } else {
            state.editing.message = "the drafter finds no event in this selection: add it as a source to an event instead";
        }
    }
    const std::string target = sourcingTarget(state, b);
    ImGui::SameLine();
    ImGui::BeginDisabled(target.empty());
    if (ImGui::SmallButton(target.empty() ? "Add as source (select an event)" : ("Add as source to " + target).c_str())) {
        const model::Event& e = b.events[b.findEvent(target)];
        const bool cited = std::any_of(e.sources.begin(), e.sources.end(), [&](const model::Source& s) {
            return s.article == article && s.start == sel.start && s.end == sel.end;
        });
        if (cited) {
            state.editing.message = target + " cites this already";
        } else {
            model::Source s;
            s.quote = std::string(text.substr(sel.start, sel.end - sel.start));
            s.start = sel.start;
            s.end = sel.end;
            doc.apply(model::addSource(target, b.articles[article].id, std::move(s)));
            state.editing.message = "added as a source of " + target;
            state.traceAction = "source_added";
            state.traceExtra = ",\"event\":" + nlohmann::json(target).dump();
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear")) sel = {};
    if (!state.editing.message.empty()) ImGui::TextDisabled("%s", state.editing.message.c_str());
}

}  // namespace

void drawArticlePanel(UiState& state, const model::Briefing& b, const model::ArticleMentions& mentions,
                      model::BriefingDocument* doc, const geo::Geocoder* geocoder) {
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
    // Between the left-hand panels (~420 px) and the Details panel (380 px at the right): centred on
    // a wide screen, narrower on a laptop's so it covers neither.
    const float right = io.DisplaySize.x - 392, width = std::clamp(right - 430, 360.0f, 660.0f);
    const float left = std::max(430.0f, std::min(io.DisplaySize.x * 0.5f - width * 0.5f, right - width));
    ImGui::SetNextWindowPos(ImVec2(left, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(width, io.DisplaySize.y * 0.62f), ImGuiCond_FirstUseEver);
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
    // Sentences can be picked in the briefing's own articles (the ones events can cite).
    const bool sourcing = doc && geocoder && state.openArticle >= 0 && state.openArticle < static_cast<int>(b.articles.size());
    ReaderSelection& sel = state.readerSelection;
    if (sel.article != state.openArticle || !sourcing) sel = {};
    if (sourcing && sel.end > sel.start) drawSourcingBar(state, *doc, *geocoder, static_cast<uint32_t>(state.openArticle));
    else if (sourcing) ImGui::TextDisabled("Click a sentence to select it (Shift+click extends) for a new event or a source.");
    ImGui::Separator();
    ImGui::BeginChild("text");
    const std::string_view text = a.text;
    static std::vector<TextSpan> sentences;
    static std::string_view sentencesOf;
    if (sourcing && sentencesOf.data() != text.data()) {
        sentences = splitSentences(text);
        sentencesOf = text;
    }
    // The selection is lit while there is one, else the highlighted quote.
    const bool selecting = sel.end > sel.start;
    const size_t hs = std::min<size_t>(selecting ? sel.start : state.highlightStart, text.size());
    const size_t he = std::min<size_t>(selecting ? sel.end : state.highlightEnd, text.size());
    // Paragraph by paragraph; the one holding the highlight is laid out word by word.
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view para = text.substr(start, end - start);
        const bool lit = he > hs && hs < end && he > start;
        if (lit || (sourcing && !para.empty())) {
            // Laid out word by word: the highlight lit inline, and a click names its word.
            const ImVec2 top = ImGui::GetCursorScreenPos();
            size_t clicked = SIZE_MAX;
            ImGui::PushID(static_cast<int>(start));
            const bool hit = drawHighlightedText(para, lit ? std::max(hs, start) - start : 0, lit ? std::min(he, end) - start : 0,
                                                 ImGui::GetStyle().Colors[ImGuiCol_Text],
                                                 selecting ? panelColors(state.style.theme).selection : panelColors(state.style.theme).date, &clicked);
            ImGui::PopID();
            if (hit && sourcing && clicked != SIZE_MAX) {
                const auto at = static_cast<uint32_t>(start + clicked);
                for (const TextSpan& s : sentences)
                    if (s.contains(at)) {
                        if (ImGui::GetIO().KeyShift && sel.end > sel.start) {
                            sel.start = std::min(sel.start, s.start);
                            sel.end = std::max(sel.end, s.end);
                        } else {
                            sel = {state.openArticle, s.start, s.end};
                        }
                        state.traceAction = "sentence_selected";
                        state.traceExtra = ",\"start\":" + std::to_string(sel.start) + ",\"end\":" + std::to_string(sel.end);
                        break;
                    }
            }
            if (lit && state.scrollToHighlight) {
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
