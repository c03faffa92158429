// Review of drafted events: weakest confidence first, each with the sentence it rests on; choosing
// one flies the map to it and opens its article at that sentence. Accept, reject (remembered, so
// drafting the article again does not bring it back), edit, and accept everything above a bar.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "model/timeline.hpp"
#include "ui/editing_panels.hpp"
#include "ui/panels.hpp"
#include "ui/presenter.hpp"

namespace briefmap::ui {

namespace {

float confidenceOf(const model::Event& e) { return e.confidence ? e.confidence->event : 0.0f; }

// Draft events by confidence, weakest first (file order among equals).
std::vector<uint32_t> draftsByConfidence(const model::Briefing& b) {
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i < b.events.size(); ++i)
        if (b.events[i].review == model::ReviewState::Draft) out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [&](uint32_t x, uint32_t y) {
        const float cx = confidenceOf(b.events[x]), cy = confidenceOf(b.events[y]);
        return cx != cy ? cx < cy : b.events[x].order < b.events[y].order;
    });
    return out;
}

void showDraft(UiState& state, const model::Briefing& b, uint32_t index) {
    const model::Event& e = b.events[index];
    state.selection = {Selection::Kind::Event, index};
    state.steppedEvents = {index};
    flyTo(state, eventBounds(b, e));
    if (!e.timeless) jumpToDay(state, e.startDay + 0.5);
    for (const model::Source& s : e.sources)
        if (s.article != model::kNone) {
            state.openArticle = static_cast<int>(s.article);
            state.openMentionArticle = -1;
            state.highlightStart = s.start;
            state.highlightEnd = s.end;
            state.scrollToHighlight = true;
            break;
        }
    if (state.editing.editorOpen) openEventEditor(state, b, index);
    state.traceAction = "review_select";
    state.traceExtra = ",\"event\":" + nlohmann::json(e.id).dump();
}

// The draft the review is on: the selected event when it is a draft.
int currentDraft(const UiState& state, const std::vector<uint32_t>& drafts) {
    if (state.selection.kind != Selection::Kind::Event) return -1;
    auto it = std::find(drafts.begin(), drafts.end(), state.selection.index);
    return it == drafts.end() ? -1 : static_cast<int>(it - drafts.begin());
}

model::PortableEvent accepted(const model::Briefing& b, const model::Event& e) {
    model::PortableEvent pe = model::portableEvent(b, e);
    pe.event.review = model::ReviewState::Reviewed;
    return pe;
}

// Accepts or rejects drafts[at], then moves on to the draft that takes its place in the list.
void decide(UiState& state, model::BriefingDocument& doc, const std::vector<uint32_t>& drafts, int at, bool accept) {
    const model::Briefing& b = doc.briefing();
    const model::Event& e = b.events[drafts[static_cast<size_t>(at)]];
    const std::string id = e.id;
    // The neighbour to go to next, by id (indices move when the briefing changes).
    std::string next;
    if (static_cast<size_t>(at + 1) < drafts.size()) next = b.events[drafts[static_cast<size_t>(at + 1)]].id;
    else if (at > 0) next = b.events[drafts[static_cast<size_t>(at - 1)]].id;
    if (accept) doc.apply(model::replaceEvent(id, accepted(b, e)));
    else doc.apply(model::rejectDraft(b, id));
    state.editing.message = (accept ? "accepted " : "rejected ") + id;
    state.traceAction = accept ? "review_accept" : "review_reject";
    state.traceExtra = ",\"event\":" + nlohmann::json(id).dump();
    const uint32_t n = next.empty() ? model::kNone : doc.briefing().findEvent(next);
    if (n != model::kNone) {
        const std::string action = state.traceAction, extra = state.traceExtra;
        showDraft(state, doc.briefing(), n);
        state.traceAction = action;  // the decision is what the trace reports
        state.traceExtra = extra;
    } else {
        state.selection = {};
        state.steppedEvents.clear();
    }
}

}  // namespace

void drawReviewPanel(UiState& state, model::BriefingDocument& doc) {
    const model::Briefing& b = doc.briefing();
    // Sorted when the briefing changes, not every frame.
    static std::vector<uint32_t> drafts;
    static uint64_t sortedAt = UINT64_MAX;
    static const model::BriefingDocument* sortedFor = nullptr;
    if (sortedAt != doc.revision() || sortedFor != &doc) {
        drafts = draftsByConfidence(b);
        sortedAt = doc.revision();
        sortedFor = &doc;
    }
    EditingUi& ed = state.editing;
    const int current = currentDraft(state, drafts);
    // Review keys, from the key handler (only while drafts exist).
    if (const char key = ed.reviewKey; key && !drafts.empty()) {
        ed.reviewKey = 0;
        if (key == 'n' || key == 'p') {
            const int next = current < 0 ? (key == 'n' ? 0 : static_cast<int>(drafts.size()) - 1)
                                         : std::clamp(current + (key == 'n' ? 1 : -1), 0, static_cast<int>(drafts.size()) - 1);
            showDraft(state, b, drafts[static_cast<size_t>(next)]);
        } else if (current >= 0 && (key == 'a' || key == 'r')) {
            decide(state, doc, drafts, current, key == 'a');
        } else if (current >= 0 && key == 'e') {
            openEventEditor(state, b, drafts[static_cast<size_t>(current)]);
        }
        return;  // drawn next frame, on the changed briefing
    }
    ed.reviewKey = 0;
    if (drafts.empty() || !ed.reviewOpen) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(12, 250), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(400, std::max(220.0f, io.DisplaySize.y - 250 - 160)), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Review", &ed.reviewOpen)) {
        ImGui::End();
        return;
    }
    ImGui::Text("%zu draft event%s, weakest first", drafts.size(), drafts.size() == 1 ? "" : "s");
    ImGui::TextDisabled("A accept · R reject · E edit · N / P next, previous");
    size_t above = 0;
    for (uint32_t i : drafts) above += confidenceOf(b.events[i]) >= ed.acceptAbove;
    ImGui::SetNextItemWidth(120);
    ImGui::SliderFloat("##above", &ed.acceptAbove, 0.0f, 1.0f, "≥ %.2f");
    ImGui::SameLine();
    ImGui::BeginDisabled(above == 0);
    char label[64];
    std::snprintf(label, sizeof label, "Accept %zu above", above);
    if (ImGui::Button(label)) {
        std::vector<std::unique_ptr<model::Edit>> edits;
        for (uint32_t i : drafts)
            if (confidenceOf(b.events[i]) >= ed.acceptAbove) edits.push_back(model::replaceEvent(b.events[i].id, accepted(b, b.events[i])));
        doc.apply(model::editGroup("Accept " + std::to_string(edits.size()) + " drafts", std::move(edits)));
        ed.message = "accepted " + std::to_string(above) + " drafts (Ctrl+Z undoes them together)";
        state.traceAction = "review_accept_above";
        state.traceExtra = ",\"count\":" + std::to_string(above);
        ImGui::EndDisabled();
        ImGui::End();
        return;
    }
    ImGui::EndDisabled();
    if (current >= 0) {
        if (ImGui::Button("Accept (A)")) ed.reviewKey = 'a';
        ImGui::SameLine();
        if (ImGui::Button("Reject (R)")) ed.reviewKey = 'r';
        ImGui::SameLine();
        if (ImGui::Button("Edit (E)")) ed.reviewKey = 'e';
    }
    if (!ed.message.empty()) ImGui::TextDisabled("%s", ed.message.c_str());
    ImGui::Separator();
    ImGui::BeginChild("drafts");
    for (size_t k = 0; k < drafts.size(); ++k) {
        const model::Event& e = b.events[drafts[k]];
        ImGui::PushID(static_cast<int>(k));
        char head[96];
        const std::string_view kind = model::eventKindLabel(e.kind);
        std::snprintf(head, sizeof head, "%.2f  %.*s  %s", confidenceOf(e), static_cast<int>(kind.size()), kind.data(), e.start.text().c_str());
        const bool selected = static_cast<int>(k) == current;
        if (ImGui::Selectable(head, selected)) showDraft(state, b, drafts[k]);
        if (selected && state.scrollToHighlight) ImGui::SetScrollHereY(0.3f);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(e.summary.c_str());
        if (!e.sources.empty()) ImGui::TextDisabled("“%s”", e.sources.front().quote.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
    recordPanelRect(state);
    ImGui::End();
}

}  // namespace briefmap::ui
