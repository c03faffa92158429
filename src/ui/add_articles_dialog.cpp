// Add articles (Ctrl+O, or files dropped on the window): .txt and .html files drafted in the
// background into draft events (briefmap draft's drafter), which appear hollow on the map and in
// the Review panel. A file without a date of its own waits here for one.
#include <imgui.h>

#include <cmath>

#include "ui/editing_panels.hpp"
#include "ui/panels.hpp"
#include "ui/panel_theme.hpp"

namespace briefmap::ui {

void drawAddArticlesDialog(UiState& state) {
    AddArticlesUi& add = state.editing.add;
    if (!add.open && !add.running) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f - 260, 70), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Always);
    bool open = true;
    if (!ImGui::Begin("Add articles", &open, ImGuiWindowFlags_NoResize)) {
        ImGui::End();
        if (!open) add.open = false;
        return;
    }
    if (add.running) {
        // No per-article progress from the drafter: a moving bar says it is working, the window stays live.
        const float t = static_cast<float>(std::fmod(ImGui::GetTime(), 1.5) / 1.5);
        ImGui::Text("Drafting %zu article%s…", add.count, add.count == 1 ? "" : "s");
        ImGui::ProgressBar(t, ImVec2(-FLT_MIN, 0), "");
    } else {
        ImGui::TextWrapped("Articles (.txt or .html), one path per line. Each is drafted into sourced draft events "
                           "to review; its text is kept beside the briefing.");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::InputTextMultiline("##paths", add.paths, sizeof add.paths, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4 + 8));
        ImGui::SetNextItemWidth(140);
        ImGui::InputTextWithHint("published", "YYYY-MM-DD", add.published, sizeof add.published);
        ImGui::TextDisabled("for articles that give no date of their own (meta tag, dateline)");
        ImGui::BeginDisabled(add.paths[0] == '\0');
        const bool ctrlEnter = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && io.KeyCtrl &&
                               ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
        if ((ImGui::Button("Draft  (Ctrl+Enter)") || ctrlEnter) && add.paths[0]) add.requested = true;
        ImGui::EndDisabled();
    }
    for (const std::string& e : add.errors) ImGui::TextColored(panelColors(state.style.theme).error, "%s", e.c_str());
    if (!add.message.empty()) ImGui::TextDisabled("%s", add.message.c_str());
    recordPanelRect(state);
    ImGui::End();
    if (!open) add.open = false;
}

}  // namespace briefmap::ui
